using static IntacctSync.Rules.Cli.Tests.AuthoringFiles;

namespace IntacctSync.Rules.Cli.Tests;

public sealed class RulesValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_NoFolder_ChecksTheBuiltInCatalog()
    {
        var (code, stdout, stderr) = Run("rules", "validate");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Matches(@"^valid: \d+ rules in the built-in catalog\n$", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidAuthorFolder_ExitsZeroWithOneLineSummary()
    {
        Write(_dir, "INT999.json", Rule);

        var (code, stdout, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"valid: 1 rule file in {_dir}, ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFolder_ExitsOne()
    {
        var (code, stdout, stderr) = Run("rules", "validate", Path.Combine(_dir, "nope"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FolderWithoutRuleFiles_ExitsTwo()
    {
        Write(_dir, "README.md", "no rules here");

        var (code, stdout, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("holds no *.json rule files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidJson_ExitsThreeWithFileAndLine()
    {
        var file = Write(_dir, "INT999.json", "{\n  \"code\": \"INT999\",\n  \"kind\": sync\n}");

        var (code, stdout, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"{file}:3: (no code): ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpressionsTooLargeOrUnbounded_ExitsThreeListingEach()
    {
        var nested = new string('(', 5_000) + "e.Failed" + new string(')', 5_000);
        var hostile = Rule
            .Replace("\"indicatedWhen\": \"", $"\"appliesWhen\": \"{nested}\",\n  \"indicatedWhen\": \"", StringComparison.Ordinal)
            .Replace("\"facts\": [\"apiErrors\"] }", "\"facts\": [\"apiErrors\"] },\n        { \"when\": \"\\\"x\\\".PadLeft(300000000).Length > 0\", \"facts\": [] }", StringComparison.Ordinal);
        var file = Write(_dir, "INT999.json", hostile);

        var (code, stdout, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{file}:10: INT999: $.appliesWhen: the condition is too large to load: it is more than 4000 characters long", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:18: INT999: $.causes[0].establishedWhen[1].when: ", StringComparison.Ordinal)
            && l.Contains("String.PadLeft(...) is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InvalidRule_PrintsEveryProblemAsFileLineRuleFix()
    {
        var broken = Rule
            .Replace("\"kind\": \"sync\"", "\"kind\": \"synch\"", StringComparison.Ordinal)
            .Replace("a.ErrorNo == \\\"GW-0010\\\")\", \"facts\"", "a.Code == \\\"GW-0010\\\")\", \"facts\"", StringComparison.Ordinal)
            .Replace("\"system\": \"other\"", "\"system\": \"intacct\"", StringComparison.Ordinal);
        var file = Write(_dir, "INT999.json", broken);

        var (code, stdout, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Collection(
            lines,
            l => Assert.StartsWith($"{file}:{LineOf(broken, "\"kind\"")}: INT999: $.kind: \"synch\" is not allowed; expected one of: sync, export, authentication, connection", l, StringComparison.Ordinal),
            l => Assert.Matches($@"^{Escape(file)}:{LineOf(broken, "a.Code")}: INT999: \$\.causes\[0\]\.establishedWhen\[0\]\.when: .*No property or field 'Code' exists in type 'ApiError' \(at character \d+\)", l),
            l => Assert.StartsWith($"{file}:{LineOf(broken, "\"intacct\"")}: INT999: $.steps[0].system: \"intacct\" is not allowed; expected one of: sageIntacct, expensify, other", l, StringComparison.Ordinal),
            l => Assert.Equal("intacct-sync: 3 problems in 1 file; the rules are invalid", l));
    }

    [Fact]
    public void Validate_HostileExpression_ExitsThreeNamingTheMember()
    {
        var hostile = Rule.Replace("\"indicatedWhen\": \"e.Evidence.ApiErrors != null", "\"indicatedWhen\": \"e.GetType().Assembly != null && e.Evidence.ApiErrors != null", StringComparison.Ordinal);
        var file = Write(_dir, "INT999.json", hostile);

        var (code, _, stderr) = Run("rules", "validate", _dir);

        Assert.Equal(3, code);
        Assert.StartsWith($"{file}:{LineOf(hostile, "indicatedWhen")}: INT999: $.indicatedWhen: ", stderr, StringComparison.Ordinal);
        Assert.Contains("System.Object.GetType(...) is not allowed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BuiltInCodeWithoutOverride_ExitsThree_AndWithOverrideIsValid()
    {
        var replacement = Rule.Replace("INT999", "INT402", StringComparison.Ordinal);
        Write(_dir, "INT402.json", replacement);

        var (duplicate, _, stderr) = Run("rules", "validate", _dir);
        Write(_dir, "INT402.json", replacement.Replace("\"code\": \"INT402\",", "\"code\": \"INT402\", \"override\": true,", StringComparison.Ordinal));
        var (overridden, _, _) = Run("rules", "validate", _dir);

        Assert.Equal(3, duplicate);
        Assert.Contains("code INT402 is already defined by rules/sync/INT402.json", stderr, StringComparison.Ordinal);
        Assert.Equal(0, overridden);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
