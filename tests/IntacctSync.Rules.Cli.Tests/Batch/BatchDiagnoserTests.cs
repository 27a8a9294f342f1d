using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Cli.Batch;

namespace IntacctSync.Rules.Cli.Tests.Batch;

public sealed class BatchDiagnoserTests
{
    private static readonly Lazy<ISyncErrorClassifier> Classifier = new(() => SyncErrorClassifier.Create());

    [Fact]
    public async Task RunAsync_ManyWorkers_KeepsInputOrderAndPairsEachReportWithItsLine()
    {
        const int Lines = 400;
        var input = BatchLines.Utf8(Enumerable.Range(1, Lines).Select(n => BatchLines.Mixed(n)));

        var (summary, output, errors) = await Run(input, workers: 8);

        Assert.Empty(errors);
        Assert.Equal(Lines, summary.Reports);
        Assert.Equal(Lines, output.Count);
        for (var i = 0; i < Lines; i++)
        {
            var n = i + 1;
            using var line = JsonDocument.Parse(output[i]);
            Assert.Equal(n, line.RootElement.GetProperty("line").GetInt64());
            var diagnoses = line.RootElement.GetProperty("report").GetProperty("diagnoses");
            if (n % 3 == 0)
            {
                Assert.Equal(0, diagnoses.GetArrayLength());
            }
            else
            {
                Assert.Equal("INT402", diagnoses[0].GetProperty("code").GetString());
                Assert.Contains("[" + BatchLines.DimensionId(n) + "]", output[i], StringComparison.Ordinal);
            }
        }

        Assert.Equal(Lines - (Lines / 3), summary.DiagnosesPerCode["INT402"]);
        Assert.Equal(Lines / 3, summary.WithoutDiagnosis);
    }

    [Fact]
    public async Task RunAsync_LineOverLimit_IsSkippedWithItsNumberAndTheRunGoesOn()
    {
        var big = "{\"schemaVersion\":1,\"messages\":[\"" + new string('x', 5000) + "\"]}";
        var input = BatchLines.Utf8([BatchLines.Healthy, big, BatchLines.InactiveDimension(3)]);

        var (summary, output, errors) = await Run(input, workers: 2, maxBytes: 1000);

        Assert.Equal([1, 3], output.Select(LineNumber));
        var error = Assert.Single(errors);
        Assert.StartsWith("test.jsonl line 2: skipped: the line is longer than 1,000 bytes (5,035)", error, StringComparison.Ordinal);
        Assert.Equal([2L], summary.FirstBadLines);
        Assert.Equal(3, summary.Documents);
    }

    [Fact]
    public async Task RunAsync_OversizedLastLineWithoutNewline_IsReported()
    {
        var input = Encoding.UTF8.GetBytes(BatchLines.Healthy + "\n" + new string(' ', 10) + "{\"schemaVersion\":1,\"messages\":[\"" + new string('y', 3000) + "\"]}");

        var (summary, output, errors) = await Run(input, workers: 2, maxBytes: 1000);

        Assert.Equal([1], output.Select(LineNumber));
        Assert.Contains("line 2: skipped: the line is longer than 1,000 bytes", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Equal(1, summary.BadLines);
    }

    [Fact]
    public async Task RunAsync_InvalidUtf8_IsSkippedWithItsLineNumber()
    {
        var bad = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"messages\":[\"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"]}\n")).ToArray();
        var input = BatchLines.Utf8([BatchLines.Healthy]).Concat(bad).Concat(BatchLines.Utf8([BatchLines.Healthy])).ToArray();

        var (summary, output, errors) = await Run(input, workers: 2);

        Assert.Equal([1, 3], output.Select(LineNumber));
        var error = Assert.Single(errors);
        Assert.StartsWith("test.jsonl line 2", error, StringComparison.Ordinal);
        Assert.Contains("skipped:", error, StringComparison.Ordinal);
        Assert.Equal(1, summary.BadLines);
    }

    [Fact]
    public async Task RunAsync_CrlfAndNoTrailingNewline_ReadsEveryDocument()
    {
        var input = Encoding.UTF8.GetBytes(BatchLines.InactiveDimension(1) + "\r\n" + BatchLines.Healthy + "\r\n" + BatchLines.InactiveDimension(3));

        var (summary, output, errors) = await Run(input, workers: 2);

        Assert.Empty(errors);
        Assert.Equal([1, 2, 3], output.Select(LineNumber));
        Assert.Contains("[DIM000003]", output[2], StringComparison.Ordinal);
        Assert.Equal(2, summary.DiagnosesPerCode["INT402"]);
    }

    [Fact]
    public async Task RunAsync_BlankLines_AreCountedNotReported()
    {
        var input = Encoding.UTF8.GetBytes("\n" + BatchLines.Healthy + "\n   \r\n\t\n" + BatchLines.Healthy + "\n\n");

        var (summary, output, errors) = await Run(input, workers: 2);

        Assert.Empty(errors);
        Assert.Equal([2, 5], output.Select(LineNumber));
        Assert.Equal(2, summary.Documents);
        Assert.Equal(4, summary.BlankLines);
    }

    [Fact]
    public async Task RunAsync_ManyBadLines_SummaryListsTheFirstAndCountsTheRest()
    {
        var input = BatchLines.Utf8(Enumerable.Range(1, 30).Select(n => n == 1 ? BatchLines.Healthy : "{oops"));

        var (summary, _, errors) = await Run(input, workers: 2);

        Assert.Equal(29, errors.Count);
        Assert.Equal(29, summary.BadLines);
        var text = summary.Render("test.jsonl");
        Assert.Contains("30 documents read, 1 reports written, 29 bad lines skipped", text, StringComparison.Ordinal);
        Assert.Contains("bad lines: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 and 9 more", text, StringComparison.Ordinal);
    }

    private static long LineNumber(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("line").GetInt64();
    }

    private static async Task<(BatchSummary Summary, List<string> Output, List<string> Errors)> Run(byte[] input, int workers, int maxBytes = 16 * 1024 * 1024)
    {
        var diagnoser = new BatchDiagnoser(Classifier.Value, maxBytes, "test.jsonl", workers);
        using var stdout = new StringWriter();
        var errors = new List<string>();
        var summary = await diagnoser.RunAsync(new MemoryStream(input), stdout, errors.Add, progress: null, CancellationToken.None);
        var output = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        return (summary, output, errors);
    }
}
