using System.Text;
using System.Text.Json;

namespace IntacctSync.Rules.Cli.Tests.Batch;

/// <summary><c>intacct-sync diagnose --batch</c> through the command line: exit codes, streams and the summary.</summary>
public sealed class DiagnoseBatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Batch_AllLinesGood_WritesOneReportPerLineAndSummaryExitsZero()
    {
        var file = Write("good.jsonl", BatchLines.InactiveDimension(1), BatchLines.Healthy, BatchLines.InactiveDimension(3));

        var (code, stdout, stderr) = Run([], "diagnose", "--batch", file);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal(3, third.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("INT402", third.RootElement.GetProperty("report").GetProperty("diagnoses")[0].GetProperty("code").GetString());
        Assert.Equal(1, third.RootElement.GetProperty("report").GetProperty("schemaVersion").GetInt32());
        Assert.Contains("3 documents read, 3 reports written, 0 bad lines skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("reports without a diagnosis: 1", stderr, StringComparison.Ordinal);
        Assert.Matches(@"INT402 +2\n", stderr);
        Assert.DoesNotContain("bad lines:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_BadLines_AreReportedWithNumbersSkippedAndExitTwo()
    {
        var file = Write("mixed.jsonl", BatchLines.Healthy, "{\"schemaVersion\":1,", """{"schemaVersion":1,"colour":"blue"}""", BatchLines.InactiveDimension(4));

        var (code, stdout, stderr) = Run([], "diagnose", "--batch", file);

        Assert.Equal(2, code);
        var numbers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32());
        Assert.Equal([1, 4], numbers);
        Assert.Contains($"{file} line 2", stderr, StringComparison.Ordinal);
        Assert.Contains($"{file} line 3, col ", stderr, StringComparison.Ordinal);
        Assert.Contains("$.colour: unknown field \"colour\"", stderr, StringComparison.Ordinal);
        Assert.Contains("4 documents read, 2 reports written, 2 bad lines skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("bad lines: 2, 3\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_StandardInput_IsRead()
    {
        var input = BatchLines.Utf8([BatchLines.InactiveDimension(1), BatchLines.Healthy]);

        var (code, stdout, stderr) = Run(input, "diagnose", "--batch", "-");

        Assert.Equal(0, code);
        Assert.Contains("[DIM000001]", stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("batch <stdin>: 2 documents read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_EmptyFile_WritesNothingAndSaysSo()
    {
        var file = Write("empty.jsonl");

        var (code, stdout, stderr) = Run([], "diagnose", "--batch", file);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Contains("0 documents read, 0 reports written, 0 bad lines skipped", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_MissingFile_ExitsTwoBeforeLoadingRules()
    {
        // Invalid rules would exit 3; exit 2 shows the input is checked before the catalog is built.
        var rules = InvalidRules();

        var (code, stdout, stderr) = Run([], "diagnose", "--batch", Path.Combine(_dir, "nope.jsonl"), "--rules", rules);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
        Assert.Contains("nope.jsonl", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_BadEvidenceAndInvalidRules_FailsOnTheEvidenceWithoutBuildingTheCatalog()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "{ nope");

        var (code, _, stderr) = Run([], "diagnose", file, "--rules", InvalidRules());

        Assert.Equal(2, code);
        Assert.Contains("cannot read the evidence", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("INT999.json", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["diagnose", "--batch", "in.jsonl", "evidence.json"], "not both" },
        { ["diagnose", "--batch", "in.jsonl", "--message", "INT402"], "cannot be combined with --batch" },
        { ["diagnose", "--batch", "in.jsonl", "--intacct-response", "r.xml"], "cannot be combined with --batch" },
        { ["diagnose", "--batch", "in.jsonl", "--format", "text"], "JSON lines only" },
        { ["diagnose", "--batch"], "--batch" },
        { ["diagnose", "--batch", "in.jsonl", "--format", "html"], "give --html PAGE.html instead of --format html" },
        { ["diagnose", "evidence.json", "--html", "page.html"], "--html writes the triage page of a batch: give it with --batch FILE.jsonl; for one document use --format html" },
        { ["diagnose", "--batch", "in.jsonl", "--html"], "--html" },
        { ["diagnose", "--batch", "in.jsonl", "--html", "-"], "standard output carries the JSON lines; give --html the path of an .html file" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Batch_WrongCombination_ExitsOneWithTheReason(string[] args, string reason)
    {
        var (code, stdout, stderr) = Run([], args);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }

    private string InvalidRules()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "INT999.json"), """{ "code": "INT999", "kind": "sideways" }""");
        return rules;
    }

    private static (int Code, string Stdout, string Stderr) Run(byte[] stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(stdin), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
