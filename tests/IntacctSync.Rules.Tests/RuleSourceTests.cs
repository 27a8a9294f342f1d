using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Tests;

/// <summary>Rule files from streams (<see cref="IntacctSyncRulesOptions.RuleSources"/>) extend and override the catalog like files of a directory.</summary>
public class RuleSourceTests
{
    private const string SourceName = "tenant-42/INT402.json";

    private static SyncEvidence UddInactive { get; } =
        SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Cases, "INT402", "contract-udd-inactive.json")), "contract-udd-inactive.json");

    /// <summary>The built-in INT402 rule with an explicit override marker and a title of its own.</summary>
    private static string OverridingInt402()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "sync", "INT402.json"));
        const string code = "\"code\": \"INT402\",";
        Assert.Contains(code, text, StringComparison.Ordinal);
        text = text.Replace(code, code + " \"override\": true,", StringComparison.Ordinal);
        var title = text.IndexOf("\"title\": \"", StringComparison.Ordinal) + "\"title\": \"".Length;
        return text.Insert(title, "Tenant 42: ");
    }

    private static RuleSource Source(string name, string json) => new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Create_OverrideFromAStream_ReplacesTheBuiltInRuleAndIsNamedInTheReport()
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(Source(SourceName, OverridingInt402()));

        var diagnosis = Assert.Single(SyncErrorClassifier.Create(options).Classify(UddInactive).Diagnoses, d => d.Code == "INT402");

        Assert.StartsWith("Tenant 42: ", diagnosis.Title, StringComparison.Ordinal);
        Assert.Equal(SourceName, diagnosis.Rule);
    }

    [Fact]
    public void Create_SameCodeFromAStreamWithoutOverride_IsAnErrorNamingTheSource()
    {
        var json = OverridingInt402().Replace(" \"override\": true,", string.Empty, StringComparison.Ordinal);
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(Source(SourceName, json));

        var ex = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(options));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(SourceName, problem.File);
        Assert.Contains("already defined by rules/sync/INT402.json", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"override\": true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidJsonInAStream_ReportsTheSourceAndLine()
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(Source(SourceName, "{\n  \"code\": \"INT999\",\n  \"kind\": \n}"));

        var ex = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(options));

        Assert.All(ex.Problems, p => Assert.Equal(SourceName, p.File));
        Assert.Contains(ex.Problems, p => p.Line is 3 or 4);
    }

    [Fact]
    public void Create_StreamFactoryThrows_IsAProblemOfThatSource()
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource(SourceName, () => throw new IOException("the share is offline")));

        var ex = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(options));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(SourceName, problem.File);
        Assert.Contains("cannot be read: the share is offline", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_StreamsWithoutBuiltIns_AreEnoughRules()
    {
        var json = OverridingInt402().Replace(" \"override\": true,", string.Empty, StringComparison.Ordinal);
        var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = false };
        options.RuleSources.Add(Source(SourceName, json));

        var catalog = RuleCatalog.Load(options);

        Assert.Equal(["INT402"], catalog.Rules.Select(r => r.Code));
    }

    [Fact]
    public void Create_TwoSourcesWithOneName_FailsValidation()
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(Source(SourceName, OverridingInt402()));
        options.RuleSources.Add(Source(SourceName, OverridingInt402()));

        var ex = Assert.Throws<OptionsValidationException>(() => SyncErrorClassifier.Create(options));

        Assert.Contains($"two sources are named '{SourceName}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RuleSource_BlankName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new RuleSource(name, () => Stream.Null));
}
