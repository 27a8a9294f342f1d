using System.Diagnostics;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// A rough, in-process breakdown per case file (<c>--breakdown</c>): bytes allocated by one
/// classification and mean time over a few thousand, for the library (built-in catalog and INT402
/// alone) and the floor. Not a benchmark; it tells which documents the per-call cost comes from.
/// </summary>
internal static class CostBreakdown
{
    private const int Rounds = 2000;

    public static void Print()
    {
        var builtIn = Classifiers.BuiltIn();
        var int402 = Classifiers.Int402Only();
        Console.WriteLine("| Case | Diagnoses | Library (catalog) B | Library (INT402) B | Floor B | Library (catalog) µs | Library (INT402) µs | Floor µs |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (name, evidence) in Corpus.Int402Cases())
        {
            var diagnoses = builtIn.Classify(evidence).Diagnoses;
            var codes = diagnoses.Count == 0 ? "0" : string.Join("+", diagnoses.Select(d => $"{d.Code}/{d.Certainty}"));
            var (catalogBytes, catalogUs) = Measure(() => builtIn.Classify(evidence));
            var (int402Bytes, int402Us) = Measure(() => int402.Classify(evidence));
            var (floorBytes, floorUs) = Measure(() => HandWrittenInt402.Decide(evidence));
            Console.WriteLine($"| {name} | {codes} | {catalogBytes:N0} | {int402Bytes:N0} | {floorBytes:N0} | {catalogUs:N1} | {int402Us:N1} | {floorUs:N1} |");
        }
    }

    /// <summary>Bytes one call allocates (after 200 warm-up calls), and the mean time of <paramref name="rounds"/> more.</summary>
    public static (long Bytes, double Microseconds) Measure(Func<object> classify, int rounds = Rounds)
    {
        for (var i = 0; i < 200; i++)
        {
            classify();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        classify();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            classify();
        }

        return (bytes, watch.Elapsed.TotalMicroseconds / rounds);
    }
}
