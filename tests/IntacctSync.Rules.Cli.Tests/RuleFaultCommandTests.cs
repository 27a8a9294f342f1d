using System.Text.Json;
using IntacctSync.Rules.Cli.Tests.Batch;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary>
/// A rule that fails for a subject: the report is still written, standard error gets one line per failure (never a
/// stack trace), and the exit code is 5 (DIAGNOSIS.md) — for one document and for a batch.
/// </summary>
public sealed class RuleFaultCommandTests : IDisposable
{
    // Fails on every document: the workspace name is never 60 characters long.
    private const string FailingRule = """
        {
          "code": "INT998", "kind": "sync", "phase": "sync", "title": "A custom check",
          "subject": "document",
          "appliesWhen": "e.WorkspaceName.Substring(60) == \"x\"",
          "causes": [ { "id": "only", "summary": "Never.", "establishedWhen": [ { "when": "e.Failed", "facts": [] } ] } ],
          "steps": [ { "system": "other", "path": "Nowhere", "action": "Nothing." } ]
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-faults-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Diagnose_RuleFails_WritesTheReportAndOneLinePerFault_ExitsFive(string format)
    {
        var rules = AuthoringFiles.Write(_dir, "rules/INT998.json", FailingRule);
        var evidence = AuthoringFiles.Write(_dir, "evidence.json", BatchLines.InactiveDimension(1));

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", evidence, "--rules", Path.GetDirectoryName(rules)!, "--format", format);

        Assert.Equal(5, code);
        Assert.Contains("INT402", stdout, StringComparison.Ordinal);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("intacct-sync: rule ", line, StringComparison.Ordinal);
        Assert.Contains("INT998.json failed for document; its finding is missing from the report: INT998: ArgumentOutOfRangeException: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        if (format == "json")
        {
            using var report = JsonDocument.Parse(stdout);
            var fault = Assert.Single(report.RootElement.GetProperty("faults").EnumerateArray());
            Assert.Equal("document", fault.GetProperty("subject").GetString());
        }
        else
        {
            Assert.Contains("failed", stdout, StringComparison.Ordinal);
            Assert.Contains("INT998.json", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Batch_RuleFailsOnEveryLine_EveryReportWritten_SummaryPrinted_ExitsFive()
    {
        var rules = AuthoringFiles.Write(_dir, "rules/INT998.json", FailingRule);
        var lines = Enumerable.Range(1, 2 * Environment.ProcessorCount + 3).Select(n => BatchLines.InactiveDimension(n)).ToArray();
        var file = AuthoringFiles.Write(_dir, "batch.jsonl", string.Join('\n', lines) + "\n");

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", "--batch", file, "--rules", Path.GetDirectoryName(rules)!);

        Assert.Equal(5, code);
        Assert.Equal(lines.Length, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(lines.Length, stderr.Split('\n').Count(l => l.Contains("rule ", StringComparison.Ordinal) && l.Contains("failed for document", StringComparison.Ordinal)));
        Assert.Contains($"{file} line 1: rule ", stderr, StringComparison.Ordinal);
        Assert.Contains($"{lines.Length} documents read, {lines.Length} reports written, 0 bad lines skipped", stderr, StringComparison.Ordinal);
        Assert.Contains($"reports in which a rule failed (see faults): {lines.Length}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_BadLineAndFault_BadInputWins()
    {
        var rules = AuthoringFiles.Write(_dir, "rules/INT998.json", FailingRule);
        var file = AuthoringFiles.Write(_dir, "batch.jsonl", BatchLines.InactiveDimension(1) + "\n{\"schemaVersion\":1,\n");

        var (code, _, _) = AuthoringFiles.Run("diagnose", "--batch", file, "--rules", Path.GetDirectoryName(rules)!);

        Assert.Equal(2, code);
    }
}
