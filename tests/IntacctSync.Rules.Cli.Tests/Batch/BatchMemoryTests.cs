using IntacctSync.Rules.Cli.Batch;
using Xunit.Abstractions;

namespace IntacctSync.Rules.Cli.Tests.Batch;

/// <summary>Runs alone: it measures the live managed heap, which other tests running at the same time would disturb.</summary>
[CollectionDefinition(nameof(BatchMemoryTests), DisableParallelization = true)]
public sealed class BatchMemoryRunsAlone;

[Collection(nameof(BatchMemoryTests))]
public sealed class BatchMemoryTests(ITestOutputHelper output)
{
    private const int SampleEvery = 250;

    /// <summary>
    /// Ten times the input must not need more live memory: the heap after a full collection, sampled as lines are
    /// written, peaks at the same height for 2,000 and 20,000 lines. Anything kept per line (outputs, line buffers,
    /// bad-line numbers) would add at least tens of bytes times 18,000 lines; the slack allows 1 MiB.
    /// </summary>
    [Fact]
    public async Task RunAsync_TenTimesTheLines_PeakLiveHeapStaysFlat()
    {
        var classifier = SyncErrorClassifier.Create();
        await PeakLiveBytes(classifier, 500); // warm-up: JIT, pools and caches are filled before measuring

        var small = await PeakLiveBytes(classifier, 2_000);
        var large = await PeakLiveBytes(classifier, 20_000);

        output.WriteLine($"peak live heap: {small:N0} bytes for 2,000 lines, {large:N0} bytes for 20,000 lines");
        Assert.True(large - small < 1024 * 1024, $"peak live heap: {small:N0} bytes for 2,000 lines, {large:N0} bytes for 20,000 lines");
    }

    private static async Task<long> PeakLiveBytes(ISyncErrorClassifier classifier, int lines)
    {
        // One line in ten is a diagnosis (a full report), one in fifty is bad, the rest healthy.
        static string Line(long n) => n % 50 == 0 ? "{broken" : n % 10 == 0 ? BatchLines.InactiveDimension(n) : BatchLines.Healthy;

        var peak = 0L;
        var written = 0;
        var diagnoser = new BatchDiagnoser(classifier, 16 * 1024 * 1024, "generated", workers: 4);
        var summary = await diagnoser.RunAsync(
            new GeneratedLinesStream(lines, Line),
            TextWriter.Null,
            _ => { },
            _ =>
            {
                if (++written % SampleEvery == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                }
            },
            CancellationToken.None);

        Assert.Equal(lines, summary.Documents);
        Assert.Equal(lines / 50, summary.BadLines);
        return peak;
    }
}
