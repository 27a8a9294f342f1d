using System.Text.Json;
using IntacctSync.Rules.Cli.Batch;

namespace IntacctSync.Rules.Cli.Tests.Batch;

/// <summary>Issue 15: a line the classifier fails on is reported and skipped; the run always ends, with its summary.</summary>
public sealed class BatchFailureTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    public static TheoryData<int, int, string> EveryLineFails() => new()
    {
        { 1, 1, "oom" },
        { 2, 2, "oom" },
        { 4, 4, "oom" },
        { 4, 4, "invalid" },
        { 3, 17, "oom" },
        { 2, 40, "invalid" },
    };

    [Theory]
    [MemberData(nameof(EveryLineFails))]
    public async Task RunAsync_ClassifierFailsOnEveryLine_EndsAndReportsEachLine(int workers, int lines, string kind)
    {
        var classifier = new FailingClassifier(_ => true, () => kind == "oom" ? FailingClassifier.OutOfMemory("no memory for this one") : new InvalidOperationException("broken"));
        var diagnoser = new BatchDiagnoser(classifier, 16 * 1024 * 1024, "test.jsonl", workers);
        using var stdout = new StringWriter();
        var errors = new List<string>();

        var summary = await diagnoser.RunAsync(new MemoryStream(BatchLines.Utf8(Enumerable.Range(1, lines).Select(n => BatchLines.InactiveDimension(n)))), stdout, errors.Add, null, CancellationToken.None).WaitAsync(NoHang);

        Assert.Empty(stdout.ToString());
        Assert.Equal(lines, classifier.Calls);
        Assert.Equal(lines, errors.Count);
        var type = kind == "oom" ? "OutOfMemoryException" : "InvalidOperationException";
        Assert.All(errors.Select((e, i) => (e, i)), x => Assert.StartsWith($"test.jsonl line {x.i + 1}: skipped: the classifier failed ({type}: ", x.e, StringComparison.Ordinal));
        Assert.Equal(lines, summary.FailedLines);
        Assert.Equal(0, summary.BadLines);
        Assert.Equal(lines, summary.Documents);
        Assert.Contains($"{lines} documents read, 0 reports written, 0 bad lines skipped, {lines} lines failed in the classifier", summary.Render("test.jsonl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClassifierFailsOnSomeLines_TheOthersAreWrittenInOrder()
    {
        // Fails on the lines whose dimension id ends in 0 or 5: lines 5, 10, 15, 20.
        var classifier = new FailingClassifier(
            e => e.Intacct?.Dimensions?[0].Id is { } id && (id.EndsWith('0') || id.EndsWith('5')),
            () => FailingClassifier.OutOfMemory());
        var diagnoser = new BatchDiagnoser(classifier, 16 * 1024 * 1024, "test.jsonl", workers: 3);
        using var stdout = new StringWriter();
        var errors = new List<string>();

        var summary = await diagnoser.RunAsync(new MemoryStream(BatchLines.Utf8(Enumerable.Range(1, 20).Select(n => BatchLines.InactiveDimension(n)))), stdout, errors.Add, null, CancellationToken.None).WaitAsync(NoHang);

        var written = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Where(n => n % 5 != 0).Select(n => (long)n), written);
        Assert.Equal([5L, 10, 15, 20], summary.FirstFailedLines);
        Assert.Equal(4, errors.Count);
        Assert.Equal(16, summary.Reports);
    }

    [Fact]
    public async Task RunAsync_OutputFails_EndsWithTheErrorInsteadOfWaiting()
    {
        var diagnoser = new BatchDiagnoser(SyncErrorClassifier.Create(), 16 * 1024 * 1024, "test.jsonl", workers: 2);
        var summary = new BatchSummary();

        var run = diagnoser.RunAsync(new GeneratedLinesStream(100_000, BatchLines.Mixed), new BrokenWriter(), _ => { }, null, summary, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(NoHang));
        Assert.True(summary.Documents < 100_000, $"{summary.Documents} documents");
    }

    [Fact]
    public void Batch_ClassifierFailsOnEveryLine_ExitsSeventyWithTheSummaryAndNoStackTrace()
    {
        var dir = Directory.CreateTempSubdirectory("intacct-sync-batch-fail-").FullName;
        try
        {
            var lines = Environment.ProcessorCount;
            var file = AuthoringFiles.Write(dir, "batch.jsonl", string.Join('\n', Enumerable.Range(1, lines).Select(n => BatchLines.InactiveDimension(n))) + "\n");

            var (code, stdout, stderr) = FailingClassifier.Run(new FailingClassifier(_ => true, () => FailingClassifier.OutOfMemory()), "diagnose", "--batch", file);

            Assert.Equal(70, code);
            Assert.Empty(stdout);
            Assert.Equal(lines, stderr.Split('\n').Count(l => l.Contains("skipped: the classifier failed (OutOfMemoryException", StringComparison.Ordinal)));
            Assert.Contains($"intacct-sync: batch {file}: {lines} documents read, 0 reports written, 0 bad lines skipped, {lines} lines failed in the classifier", stderr, StringComparison.Ordinal);
            Assert.Contains("lines the classifier failed on (a bug: please report them): 1", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Standard output closed under the writer (a pipe whose reader went away).</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void Write(System.Text.StringBuilder? value) => throw new IOException("Broken pipe");

        public override void Flush()
        {
        }
    }
}
