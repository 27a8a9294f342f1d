namespace IntacctSync.Rules.Cli.Tests.Batch;

/// <summary><c>diagnose --batch FILE --html PAGE</c>: where the page goes, and the paths it refuses.</summary>
public sealed class DiagnoseBatchHtmlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void BatchHtml_GoodInput_WritesThePageAndTheSameJsonLines()
    {
        var input = Input(BatchLines.InactiveDimension(1), BatchLines.Healthy, "{ nope", BatchLines.InactiveDimension(4));
        var page = Path.Combine(_dir, "page.html");
        var (_, plain, _) = Run("diagnose", "--batch", input);

        var (code, stdout, stderr) = Run("diagnose", "--batch", input, "--html", page);

        Assert.Equal(2, code);
        Assert.Equal(plain, stdout);
        Assert.Contains("4 documents read, 3 reports written, 1 bad lines skipped", stderr, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"total-documents\">4</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"total-diagnosed\">2</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"total-bad\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains(BatchLines.DimensionId(4), html, StringComparison.Ordinal);
        Assert.Equal(["page.html"], Directory.GetFiles(_dir, "*.html*").Select(Path.GetFileName));
    }

    [Fact]
    public void BatchHtml_ExistingPage_IsReplaced()
    {
        var page = Path.Combine(_dir, "page.html");
        File.WriteAllText(page, "old");

        var (code, _, _) = Run("diagnose", "--batch", Input(BatchLines.InactiveDimension(1)), "--html", page);

        Assert.Equal(0, code);
        Assert.Contains(BatchLines.DimensionId(1), File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void BatchHtml_DirectoryMissing_ExitsOneBeforeReadingAnything()
    {
        var page = Path.Combine(_dir, "no-such-dir", "page.html");

        var (code, stdout, stderr) = Run("diagnose", "--batch", Input(BatchLines.InactiveDimension(1)), "--html", page);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains($"cannot write the triage page '{page}'", stderr, StringComparison.Ordinal);
        Assert.Contains("give --html a path in a directory that exists and can be written", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("documents read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchHtml_PathIsADirectory_ExitsOneAndSaysWhat()
    {
        var (code, stdout, stderr) = Run("diagnose", "--batch", Input(BatchLines.Healthy), "--html", _dir);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("it is a directory; give --html the path of an .html file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchHtml_MissingInput_ExitsTwoAndWritesNoPage()
    {
        var page = Path.Combine(_dir, "page.html");

        var (code, _, stderr) = Run("diagnose", "--batch", Path.Combine(_dir, "nope.jsonl"), "--html", page);

        Assert.Equal(2, code);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void DiagnoseFormatHtml_OneDocument_WritesThePageToStandardOutput()
    {
        var file = Path.Combine(_dir, "evidence.json");
        File.WriteAllText(file, BatchLines.InactiveDimension(7));

        var (code, stdout, stderr) = Run("diagnose", file, "--format", "html");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", stdout, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"total-documents\">1</dd>", stdout, StringComparison.Ordinal);
        Assert.Contains(BatchLines.DimensionId(7), stdout, StringComparison.Ordinal);
    }

    private string Input(params string[] lines)
    {
        var path = Path.Combine(_dir, "in.jsonl");
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => Stream.Null, stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
