namespace IntacctSync.Rules.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void List_BuiltInCatalog_ShowsInt402WithItsCausesAndCaseCount()
    {
        var cases = Directory.CreateDirectory(Path.Combine(_dir, "cases", "INT402")).FullName;
        File.WriteAllText(Path.Combine(cases, "one.json"), "{}");
        File.WriteAllText(Path.Combine(cases, "two.json"), "{}");
        File.WriteAllText(Path.Combine(cases, "two.verified.json"), "{}");

        var (code, stdout, stderr) = Run("rules", "list", "--cases", Path.Combine(_dir, "cases"));

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("INT402 ", StringComparison.Ordinal));
        Assert.Contains(" sync ", line, StringComparison.Ordinal);
        Assert.Contains(" dimension ", line, StringComparison.Ordinal);
        Assert.Contains("    2  ", line, StringComparison.Ordinal);
        Assert.Contains("udd-inactive", line, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("UNCLASSIFIED ", StringComparison.Ordinal));
    }

    [Fact]
    public void List_InvalidRuleDirectory_ExitsThree()
    {
        File.WriteAllText(Path.Combine(_dir, "INT998.json"), """{ "code": "INT998" }""");

        var (code, stdout, stderr) = Run("rules", "list", "--rules", _dir);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains("INT998.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_MissingCasesFolder_ExitsOne()
    {
        var (code, stdout, _) = Run("rules", "list", "--cases", Path.Combine(_dir, "nope"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
