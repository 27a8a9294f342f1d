using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// Loading and compiling the catalog, cold: every measurement is the first call in a fresh process
/// (RunStrategy.ColdStart, one iteration per launch, several launches), so JIT, type loading and
/// RulesEngine's expression parser start-up are all counted.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 7, warmupCount: 0, iterationCount: 1)]
public class LoadBenchmarks
{
    private const string Int402Message =
        "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund. This typically occurs when user-defined dimensions aren't set up correctly or are missing permissions.";

    [Benchmark(Baseline = true, Description = "Library: SyncErrorClassifier.Create() (cold)")]
    public ISyncErrorClassifier Create() => SyncErrorClassifier.Create();

    [Benchmark(Description = "Library: Create() + first Classify (cold)")]
    public int CreateAndClassify() =>
        SyncErrorClassifier.Create().Classify(new SyncEvidence { Messages = [Int402Message] }).Diagnoses.Count;

    [Benchmark(Description = "RulesEngine: INT402 workflow + first ExecuteAllRulesAsync (cold)")]
    public async Task<int> RulesEngine()
    {
        // RulesEngine compiles a workflow's rules on its first execution, so load means build + run once. Building
        // includes deriving the two-valued rules from INT402.json's format 2 conditions (see RulesEngineInt402).
        var engine = new RulesEngineInt402(Corpus.Int402Rule());
        return (await engine.DecideAsync(new SyncEvidence { Messages = [Int402Message] })).Count;
    }
}
