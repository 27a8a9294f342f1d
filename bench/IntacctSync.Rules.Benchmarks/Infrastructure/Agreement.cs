using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the races honest: before anything is timed, the library, the hand-written floors and the
/// RulesEngine embedding must reach the same INT402 decisions on every document, and the floor that
/// writes the report must write the library's report, or setup throws.
/// </summary>
internal static class Agreement
{
    public static void Check(ISyncErrorClassifier classifier, RulesEngineInt402? rulesEngine, IEnumerable<(string Name, SyncEvidence Evidence)> documents)
    {
        foreach (var (name, evidence) in documents)
        {
            var ours = Int402Decision.FromReport(classifier.Classify(evidence));
            Int402Decision.AssertSame(name, "the library", ours, "the hand-written floor", HandWrittenInt402.Decide(evidence));
            if (rulesEngine is not null)
            {
                rulesEngine.CheckNoErrorsAsync(evidence, name).GetAwaiter().GetResult();
                Int402Decision.AssertSame(name, "the library", ours, "the RulesEngine embedding", rulesEngine.DecideAsync(evidence).GetAwaiter().GetResult());
            }
        }
    }

    /// <summary>
    /// Requires the hand-written floor's report (<see cref="HandWrittenInt402Report"/>) to equal the report of
    /// the library running INT402 alone on every document, compared as the contract's JSON written by the
    /// library's public writer (<see cref="DiagnosisReportJson"/>), byte for byte.
    /// </summary>
    /// <param name="int402Only">The library with INT402 alone (<see cref="Classifiers.Int402Only"/>).</param>
    /// <param name="documents">The documents, by name.</param>
    /// <returns>How many documents agree: all of them.</returns>
    /// <exception cref="InvalidOperationException">A report differs; the message names the case and shows both.</exception>
    public static int CheckSameReports(ISyncErrorClassifier int402Only, IEnumerable<(string Name, SyncEvidence Evidence)> documents)
    {
        var count = 0;
        foreach (var (name, evidence) in documents)
        {
            var library = DiagnosisReportJson.Write(int402Only.Classify(evidence));
            var floor = DiagnosisReportJson.Write(HandWrittenInt402Report.Classify(evidence));
            if (!string.Equals(library, floor, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The hand-written floor's report of {name} differs from the library's (INT402 only); the comparison would not be honest.{Environment.NewLine}" +
                    $"{FirstDifference(library, floor)}{Environment.NewLine}" +
                    $"--- the library (INT402 only):{Environment.NewLine}{library}{Environment.NewLine}" +
                    $"--- the hand-written floor:{Environment.NewLine}{floor}");
            }

            count++;
        }

        return count;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end of report)";
            var right = i < a.Length ? a[i] : "(end of report)";
            if (left != right)
            {
                return $"First difference, line {i + 1}:{Environment.NewLine}  library: {left.Trim()}{Environment.NewLine}  floor:   {right.Trim()}";
            }
        }

        return "The texts differ, but no line does.";
    }
}
