using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the races honest: before anything is timed, the library, the hand-written floor and the
/// RulesEngine embedding must reach the same INT402 decisions on every document, or setup throws.
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
}
