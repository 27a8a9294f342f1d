using System.Text.Json;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary>
/// Issue 15: values from the evidence, the rules, a response or the command line never reach the terminal as control
/// sequences, bidi overrides or line breaks — not in the text and Markdown reports, not in any line of standard error.
/// The JSON report is the contract and stays as it was (System.Text.Json escapes these characters itself).
/// </summary>
public sealed class CleanOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-clean-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An INT402 whose dimension id, label and workspace name are hostile, with a hostile message no rule explains.</summary>
    private static string HostileEvidence() => JsonSerializer.Serialize(new
    {
        schemaVersion = 1,
        operation = "sync",
        outcome = "failed",
        messages = new[] { Hostile.Text },
        intacct = new { dimensions = new[] { new { id = Hostile.Text, label = Hostile.Text, userDefined = true, exists = true, active = false, configured = true } } },
        workspace = new { name = Hostile.Text, coding = new { dimensions = new[] { new { id = Hostile.Text, enabled = true, importAs = "tag" } } } },
    });

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Diagnose_HostileEvidence_TextAndMarkdownShowEveryValueEscaped(string format)
    {
        var evidence = AuthoringFiles.Write(_dir, "evidence.json", HostileEvidence());

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", evidence, "--format", format);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Contains("INT402", stdout, StringComparison.Ordinal);
        Assert.Null(Hostile.FirstUnsafe(stdout));
        Assert.Contains(Hostile.Escaped, stdout, StringComparison.Ordinal);
        Assert.Empty(Hostile.LinesStartingWith(stdout, "intacct-sync:"));
    }

    [Fact]
    public void Diagnose_HostileEvidence_JsonIsTheLibrarysReportWithTheValuesIntact()
    {
        var evidence = AuthoringFiles.Write(_dir, "evidence.json", HostileEvidence());

        var (code, stdout, _) = AuthoringFiles.Run("diagnose", evidence, "--format", "json");

        Assert.Equal(0, code);
        var expected = DiagnosisReportJson.Write(SyncErrorClassifier.Create().Classify(SyncEvidenceJson.Read(HostileEvidence()))) + "\n";
        Assert.Equal(expected, stdout);
        // The contract's JSON (relaxed escaping) escapes control characters; bidi marks pass as they are, for a JSON reader.
        Assert.Null(Hostile.FirstUnsafe(stdout, controlsOnly: true));
        using var report = JsonDocument.Parse(stdout);
        Assert.Contains(Hostile.Text, report.RootElement.GetProperty("unexplained").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Hostile.Text, report.RootElement.GetProperty("diagnoses")[0].GetProperty("subject").GetProperty("dimension").GetString());
    }

    [Fact]
    public void Diagnose_HostileFileName_OneEscapedLineOnStandardError()
    {
        var missing = Path.Combine(_dir, "ev" + Hostile.Text + ".json");

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", missing);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        AssertOneEscapedLine(stderr);
    }

    [Fact]
    public void Diagnose_HostileFieldName_OneEscapedLineOnStandardError()
    {
        var evidence = AuthoringFiles.Write(_dir, "evidence.json", "{\"schemaVersion\":1," + JsonSerializer.Serialize(Hostile.Text) + ":1}");

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", evidence);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        AssertOneEscapedLine(stderr);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("xml")]
    public void Diagnose_HostileIntacctResponse_OneEscapedLineOnStandardError(string kind)
    {
        var body = kind == "xml" ? "<response><control>" + Hostile.Text + "</control>" : Hostile.Text;
        var response = AuthoringFiles.Write(_dir, "response.txt", body);

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", "--intacct-response", response);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("intacct-sync: cannot read the Intacct response: ", line, StringComparison.Ordinal);
        Assert.Null(Hostile.FirstUnsafe(stderr));
    }

    [Fact]
    public void Diagnose_HostileOptionValue_UsageErrorsAreEscaped()
    {
        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", "--message", "x", "--format", Hostile.Text);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Null(Hostile.FirstUnsafe(stderr));
        Assert.Contains(Hostile.Escaped, stderr, StringComparison.Ordinal);
        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.False(l.StartsWith("intacct-sync: batch", StringComparison.Ordinal), l));
    }

    [Fact]
    public void Batch_HostileLines_ReportsAsJsonAndEveryStandardErrorLineEscaped()
    {
        var bad = "{\"schemaVersion\":1," + JsonSerializer.Serialize(Hostile.Text) + ":1}";
        var file = AuthoringFiles.Write(_dir, "batch.jsonl", string.Join('\n', HostileEvidence(), bad, HostileEvidence()) + "\n");

        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", "--batch", file);

        Assert.Equal(2, code);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Null(Hostile.FirstUnsafe(stdout, controlsOnly: true));
        Assert.Null(Hostile.FirstUnsafe(stderr));
        Assert.Contains(Hostile.Escaped, stderr, StringComparison.Ordinal);
        var summary = Assert.Single(Hostile.LinesStartingWith(stderr, "intacct-sync: batch"));
        Assert.StartsWith($"intacct-sync: batch {file}: 3 documents read, 2 reports written, 1 bad lines skipped", summary, StringComparison.Ordinal);
        Assert.Contains($"intacct-sync: {file} line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchSummary_HostileSource_IsEscaped()
    {
        var text = new IntacctSync.Rules.Cli.Batch.BatchSummary().Render(Hostile.Text);

        Assert.Null(Hostile.FirstUnsafe(text));
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("intacct-sync: ", StringComparison.Ordinal));
        Assert.Contains(Hostile.Escaped, text, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesValidate_HostileRule_ProblemsAreEscaped()
    {
        var rule = AuthoringFiles.Rule.Replace("\"title\": \"Sage Intacct refused the sync: API rate limit exceeded\"", "\"title\": " + JsonSerializer.Serialize(Hostile.Text), StringComparison.Ordinal)
            .Replace("\"code\": \"INT999\"", "\"code\": " + JsonSerializer.Serialize("INT" + Hostile.Text), StringComparison.Ordinal);
        var path = AuthoringFiles.Write(_dir, "rules/hostile.json", rule);

        var (validate, _, validateErr) = AuthoringFiles.Run("rules", "validate", Path.GetDirectoryName(path)!);
        var (diagnose, diagnoseOut, diagnoseErr) = AuthoringFiles.Run("diagnose", "--message", "x", "--rules", Path.GetDirectoryName(path)!);

        Assert.Equal(3, validate);
        Assert.Equal(3, diagnose);
        Assert.Empty(diagnoseOut);
        Assert.Null(Hostile.FirstUnsafe(validateErr));
        Assert.Null(Hostile.FirstUnsafe(diagnoseErr));
        Assert.Contains(Hostile.Escaped, validateErr + diagnoseErr, StringComparison.Ordinal);
        Assert.Empty(Hostile.LinesStartingWith(validateErr + diagnoseErr, "intacct-sync: batch"));
    }

    private static void AssertOneEscapedLine(string stderr)
    {
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("intacct-sync: ", line, StringComparison.Ordinal);
        Assert.Null(Hostile.FirstUnsafe(stderr));
        Assert.Contains(Hostile.Escaped, line, StringComparison.Ordinal);
    }
}
