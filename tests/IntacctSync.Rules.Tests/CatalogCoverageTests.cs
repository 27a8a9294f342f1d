using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests;

/// <summary>
/// The catalog is whole: every documented code has a rule, every rule has cases, and every cause of
/// every rule is established by at least one case (so no cause is dead text).
/// </summary>
public class CatalogCoverageTests
{
    /// <summary>The 34 codes the catalog documents (shared/catalog/catalog.json).</summary>
    private static readonly string[] DocumentedCodes =
    [
        "INT009", "INT012", "INT028", "INT035", "INT043", "INT054", "INT068", "INT073", "INT083", "INT084",
        "INT088", "INT093", "INT122", "INT149", "INT176", "INT194", "INT205", "INT225", "INT245", "INT304",
        "INT402", "INT446", "INT459", "INT480", "INT498", "INT503", "INT576", "INT592", "INT664", "INT680",
        "INT771", "INT860", "INT907", "INT993",
    ];

    private static readonly RuleCatalog Catalog = RuleCatalog.Load();

    [Fact]
    public void Catalog_EveryDocumentedCode_HasARule()
    {
        var codes = Catalog.Rules.Select(r => r.Code).Where(c => c != "UNCLASSIFIED").Order(StringComparer.Ordinal);

        Assert.Equal(DocumentedCodes, codes);
    }

    [Fact]
    public void Catalog_EveryRule_HasAtLeastThreeCases()
    {
        var thin = Catalog.Rules
            .Select(r => (r.Code, Cases: RuleCorpusTests.CaseFiles().Count(f => f.StartsWith(r.Code + "/", StringComparison.Ordinal))))
            .Where(r => r.Cases < 3)
            .Select(r => $"{r.Code} has {r.Cases}")
            .ToList();

        Assert.True(thin.Count == 0, "Rules with fewer than three cases: " + string.Join("; ", thin));
    }

    [Fact]
    public void Catalog_EveryCause_IsEstablishedBySomeCase()
    {
        var classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());
        var established = new HashSet<(string, string)>();
        foreach (var file in RuleCorpusTests.CaseFiles())
        {
            var path = Path.Combine(RepoPaths.Cases, file);
            var report = classifier.Classify(SyncEvidenceJson.Read(File.ReadAllBytes(path), file));
            foreach (var diagnosis in report.Diagnoses.Where(d => d.Certainty == Certainty.Confirmed || d.Code == "UNCLASSIFIED"))
            {
                foreach (var cause in diagnosis.Causes.Where(c => c.Facts.Count > 0 && !c.Facts[0].StartsWith("messages[", StringComparison.Ordinal)))
                {
                    established.Add((diagnosis.Code, cause.Id));
                }
            }
        }

        var never = Catalog.Rules
            .SelectMany(r => r.Causes.Select(c => (r.Code, c)))
            .Where(rc => !established.Contains(rc))
            .Select(rc => $"{rc.Code}/{rc.c}")
            .ToList();

        Assert.True(never.Count == 0, "Causes no case establishes: " + string.Join(", ", never));
    }
}
