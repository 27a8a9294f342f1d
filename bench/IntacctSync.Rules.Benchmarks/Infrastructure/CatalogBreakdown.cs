using System.Diagnostics;
using IntacctSync.Rules.Benchmarks.Naive;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// <c>--breakdown-catalog</c>: for every case of every code, what one classification with the built-in
/// catalog allocates and costs (mean over a few hundred, in process, after the whole corpus has run for
/// a few seconds), next to the RulesEngine embedding's decisions, most costly first. Not a benchmark: the
/// bytes are exact, the times rough (the JIT can take longer than the warm-up to bring every method the corpus
/// reaches to its optimized tier).
/// </summary>
internal static class CatalogBreakdown
{
    private const int Rounds = 300;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static void Print()
    {
        var classifier = Classifiers.BuiltIn();
        var rulesEngine = new RulesEngineCatalog(Corpus.RuleFiles());
        var cases = Corpus.AllCases();

        // The whole corpus first, for a few seconds: a method the JIT has seen only briefly still runs its
        // unoptimized first tier, and which methods a case calls differs from case to case.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < WarmUp)
        {
            foreach (var (_, evidence) in cases)
            {
                classifier.Classify(evidence);
                rulesEngine.DecideAsync(evidence).GetAwaiter().GetResult();
            }
        }

        var rows = new List<(string Name, string Codes, long Bytes, double Microseconds, double RulesEngineMicroseconds)>();
        foreach (var (name, evidence) in cases)
        {
            var diagnoses = classifier.Classify(evidence).Diagnoses;
            var codes = diagnoses.Count == 0 ? "0" : string.Join("+", diagnoses.Select(d => $"{d.Code}/{d.Certainty}"));
            var (bytes, microseconds) = CostBreakdown.Measure(() => classifier.Classify(evidence), Rounds);
            var (_, rulesEngineMicroseconds) = CostBreakdown.Measure(() => rulesEngine.DecideAsync(evidence).GetAwaiter().GetResult(), Rounds);
            rows.Add((name, codes, bytes, microseconds, rulesEngineMicroseconds));
        }

        Console.WriteLine("| Case | Diagnoses | Library B | Library µs | RulesEngine µs | Ratio |");
        Console.WriteLine("|---|---|--:|--:|--:|--:|");
        foreach (var row in rows.OrderByDescending(r => r.Microseconds))
        {
            Console.WriteLine($"| {row.Name} | {row.Codes} | {row.Bytes:N0} | {row.Microseconds:N1} | {row.RulesEngineMicroseconds:N1} | {row.RulesEngineMicroseconds / row.Microseconds:N1} |");
        }

        Console.WriteLine($"| **all {rows.Count} cases, mean** | | {rows.Average(r => r.Bytes):N0} | {rows.Average(r => r.Microseconds):N1} | {rows.Average(r => r.RulesEngineMicroseconds):N1} | {rows.Sum(r => r.RulesEngineMicroseconds) / rows.Sum(r => r.Microseconds):N1} |");
    }
}
