using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>A rule's <c>conditions</c>, used as <c>@name</c> in its expressions; mistakes in them are load problems with their line.</summary>
public sealed class NamedConditionTests
{
    private const string Named = "\"conditions\": { \"failedSync\": \"e.Failed && e.Evidence.Operation == SyncOperation.Sync\", \"failedSyncSignedIn\": \"@failedSync && !e.SignInFailed\" },\n  \"appliesWhen\": \"e.Failed\"";

    [Fact]
    public void NamedCondition_UsedInACause_IsEvaluatedAsWritten()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", Named)
            .Replace("\"when\": \"e.SignInFailed\"", "\"when\": \"@failedSyncSignedIn\"", StringComparison.Ordinal);

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Empty(problems);
        var cause = Assert.Single(rule!.Causes);
        var failedSync = Facts("""{ "schemaVersion": 1, "operation": "sync", "outcome": "failed" }""");
        var failedExport = Facts("""{ "schemaVersion": 1, "operation": "export", "outcome": "failed" }""");
        Assert.True(cause.EstablishedWhen[0].When(failedSync, failedSync));
        Assert.False(cause.EstablishedWhen[0].When(failedExport, failedExport));
    }

    [Fact]
    public void UnknownName_IsAProblemAtItsLine_NamingTheDeclaredOnes()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", Named)
            .Replace("\"when\": \"e.SignInFailed\"", "\"when\": \"@failedExport\"", StringComparison.Ordinal);

        var (_, problems) = RuleFiles.Compile(json);

        var problem = Assert.Single(problems);
        Assert.Equal(RuleFiles.LineOf(json, "@failedExport"), problem.Line);
        Assert.Contains("@failedExport is not a named condition of this rule; it declares: @failedSync, @failedSyncSignedIn", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_IsAProblem()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"conditions\": { \"a\": \"@b && e.Failed\", \"b\": \"!@a\" },\n  \"appliesWhen\": \"@a\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        Assert.Contains(problems, p => p.Message.Contains("cycle: @a -> @b -> @a", StringComparison.Ordinal));
    }

    [Fact]
    public void DoublingChain_IsRefusedAtTheLimitOnce_NotExpandedExponentially()
    {
        // a1 uses a0 twice, a2 uses a1 twice ...: a30 would be 2^30 copies of a0.
        var named = string.Join(", ", Enumerable.Range(1, 30).Select(i => $"\"a{i}\": \"@a{i - 1} && @a{i - 1}\""));
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", $"\"conditions\": {{ \"a0\": \"e.Failed\", {named} }},\n  \"appliesWhen\": \"@a30\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Contains("@a8 is more than 4000 characters long once the named conditions it uses are replaced", problem.Message, StringComparison.Ordinal);
        Assert.Equal(RuleFiles.LineOf(json, "\"conditions\""), problem.Line);
    }

    [Fact]
    public void ChainDeeperThanTheNestingLimit_IsAProblem_WithoutDeepRecursion()
    {
        var named = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"\"c{i}\": \"!@c{i + 1}\"")) + ", \"c5000\": \"e.Failed\"";
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", $"\"conditions\": {{ {named} }},\n  \"appliesWhen\": \"@c0\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("the named conditions use each other more than 32 deep (@c", p.Message, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("(@c0 -> @c1 -> ... -> @c32)", StringComparison.Ordinal));
    }

    [Fact]
    public void UseThatMakesTheExpressionTooLarge_IsAProblemSayingSo()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"conditions\": { \"ten\": \"" + string.Concat(Enumerable.Repeat("(", 10)) + "e.Failed" + string.Concat(Enumerable.Repeat(")", 10)) + "\" },\n  \"appliesWhen\": \"((((((((((((((((((((((((@ten))))))))))))))))))))))))\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.StartsWith("$.appliesWhen: the condition is too large to load once its named conditions are replaced: parentheses, brackets and braces nest more than 32 deep", problem.Message, StringComparison.Ordinal);
        Assert.Equal(RuleFiles.LineOf(json, "\"appliesWhen\": \"(("), problem.Line);
    }

    [Fact]
    public void MalformedName_IsAProblem()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"conditions\": { \"not-a-name\": \"e.Failed\" },\n  \"appliesWhen\": \"e.Failed\"");

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.Contains("\"not-a-name\" is not a condition name", StringComparison.Ordinal));
    }

    [Fact]
    public void AtSignInsideAString_IsText()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"appliesWhen\": \"e.Evidence.Report.SubmitterEmail == \\\"dana@acme.example\\\"\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Empty(problems);
        var facts = Facts("""{ "schemaVersion": 1, "report": { "submitterEmail": "dana@acme.example" } }""");
        Assert.True(rule!.AppliesWhen!(facts, facts));
    }

    [Fact]
    public void ExpandNamedConditions_ForTools_ReplacesAsTheCompilerDoes_AndRefusesUnknownsAndCycles()
    {
        var conditions = new Dictionary<string, string> { ["a"] = "@b || e.Failed", ["b"] = "e.SignInFailed", ["loop"] = "!@loop" };

        Assert.Equal("((e.SignInFailed) || e.Failed) && \"x@y\" != \"\"", global::IntacctSync.Rules.Rules.RuleCompiler.ExpandNamedConditions("@a && \"x@y\" != \"\"", conditions));
        Assert.Throws<InvalidOperationException>(() => global::IntacctSync.Rules.Rules.RuleCompiler.ExpandNamedConditions("@c", conditions));
        Assert.Throws<InvalidOperationException>(() => global::IntacctSync.Rules.Rules.RuleCompiler.ExpandNamedConditions("@loop", conditions));
    }

    private static EvidenceFacts Facts(string json) =>
        new(SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json), "test.json"), new RuleCorpusTests.FixedTime());
}
