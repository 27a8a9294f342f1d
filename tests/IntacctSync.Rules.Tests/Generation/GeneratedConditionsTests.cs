using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Generators;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Generated;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Generation;

/// <summary>
/// The generated C# of the built-in rules' expressions (<see cref="GeneratedConditions"/>) must be current
/// (generated from the rules as they are), complete (loading the built-in catalog never starts the parser)
/// and right (each method returns what the parsed and compiled expression returns, over every subject of
/// every case document of the corpus).
/// </summary>
public sealed class GeneratedConditionsTests
{
    [Fact]
    public void GeneratedFile_IsCurrent() =>
        GeneratedFileAssert.Current(GeneratedSource.Conditions);

    [Fact]
    public void LoadingTheBuiltInRules_NeverStartsTheParser()
    {
        var compiler = new RuleCompiler();
        var problems = new List<RuleProblem>();
        var rules = RuleSet.BuiltInFiles().Select(f => compiler.Compile(f.Source, f.Utf8, problems)).ToList();

        Assert.Empty(problems);
        Assert.All(rules, Assert.NotNull);
        Assert.False(compiler.ParserStarted, "some built-in expression is not in GeneratedConditions.g.cs; run build/generate-conditions.sh");
    }

    [Fact]
    public void EveryExpression_IsGenerated_AndEveryGeneratedEntryIsUsed()
    {
        var entries = ConditionsGenerator.Entries();
        var conditions = entries.Where(e => !e.Site.IsValue).Select(e => GeneratedConditions.Key(e.Site.Subject.Name, e.Site.Expression)).ToHashSet();
        var values = entries.Where(e => e.Site.IsValue).Select(e => GeneratedConditions.Key(e.Site.Subject.Name, e.Site.Expression)).ToHashSet();

        Assert.Equal(conditions.Order(StringComparer.Ordinal), GeneratedConditions.AllConditions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(values.Order(StringComparer.Ordinal), GeneratedConditions.AllValues.Keys.Order(StringComparer.Ordinal));
        Assert.True(conditions.Count > 250, $"only {conditions.Count} conditions found in the built-in rules");
    }

    [Fact]
    public void GeneratedCode_AgreesWithTheParsedExpression_OnEverySubjectOfTheCorpus()
    {
        var rules = RuleSet.Load(includeBuiltIn: true, []);
        var compiler = new RuleCompiler(useGenerated: false);
        var entries = ConditionsGenerator.Entries();
        var documents = CorpusDocuments().Select(d => Facts(rules, d.Evidence)).ToList();
        var disagreements = new List<string>();
        var evaluations = 0;
        var outcomes = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            var site = entry.Site;
            Func<object, EvidenceFacts, object?> generated, parsed;
            if (site.IsValue)
            {
                Assert.True(GeneratedConditions.TryGetValue(site.Subject.Name, site.Expression, out var value));
                var compiled = compiler.CompileValue(site.Subject, site.Expression);
                (generated, parsed) = ((s, f) => value(s, f), (s, f) => compiled(s, f));
            }
            else
            {
                Assert.True(GeneratedConditions.TryGetCondition(site.Subject.Name, site.Expression, out var condition));
                var compiled = compiler.CompileCondition(site.Subject, site.Expression);
                (generated, parsed) = ((s, f) => condition(s, f), (s, f) => compiled(s, f));
            }

            foreach (var facts in documents)
            {
                foreach (var subject in site.Subject.Build(facts, facts.Matches))
                {
                    var expected = Outcome(parsed, subject, facts);
                    var actual = Outcome(generated, subject, facts);
                    evaluations++;
                    outcomes.Add(expected);
                    if (expected != actual)
                    {
                        disagreements.Add($"parsed {expected}, generated {actual}: {site.Source} {site.Path} \"{site.Expression}\" on {facts.Evidence.Workspace?.Name ?? "a document"}");
                    }
                }
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, the first: {string.Join(Environment.NewLine, disagreements.Take(10))}");
        Assert.True(evaluations > 10_000, $"only {evaluations} evaluations: the corpus reached too few subjects to prove anything");
        Assert.Contains("True", outcomes);
        Assert.Contains("False", outcomes);
        Assert.Contains("null", outcomes);
    }

    private static string Outcome(Func<object, EvidenceFacts, object?> run, object subject, EvidenceFacts facts)
    {
        try
        {
            return run(subject, facts)?.ToString() ?? "null";
        }
        catch (Exception ex)
        {
            return "throws " + ex.GetType().Name;
        }
    }

    private static EvidenceFacts Facts(RuleSet rules, SyncEvidence evidence) =>
        new(evidence, new RuleCorpusTests.FixedTime())
        {
            Matches = [.. rules.Recognizer.Recognize(evidence.Messages), .. rules.ApiRecognizer.Recognize(evidence.ApiErrors)],
        };

    private static IEnumerable<(string Path, SyncEvidence Evidence)> CorpusDocuments()
    {
        var cases = Directory.EnumerateFiles(RepoPaths.Cases, "*.json", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".verified.json", StringComparison.Ordinal) && !p.EndsWith(".received.json", StringComparison.Ordinal));
        foreach (var path in cases.Order(StringComparer.Ordinal))
        {
            yield return (path, SyncEvidenceJson.Read(File.ReadAllBytes(path), path));
        }
    }
}
