using BenchmarkDotNet.Attributes;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// One classification of healthy evidence (contract-healthy-sync: a user-defined dimension that is
/// active, configured, readable and imported; the sync succeeded), where the report is empty: what it
/// costs, and allocates, to find nothing. The floors are INT402 written by hand: one returns the same
/// (empty) report as the library with INT402 alone (<see cref="HandWrittenInt402Report"/>), the other
/// only decides (<see cref="HandWrittenInt402"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class HealthyBenchmarks
{
    private ISyncErrorClassifier _classifier = null!;
    private ISyncErrorClassifier _int402Only = null!;
    private RulesEngineInt402 _rulesEngine = null!;
    private SyncEvidence _healthy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Classifiers.BuiltIn();
        _int402Only = Classifiers.Int402Only();
        _rulesEngine = new RulesEngineInt402(Corpus.Int402Rule());
        _healthy = Corpus.Case(Corpus.HealthyCase);
        Agreement.Check(_classifier, _rulesEngine, [(Corpus.HealthyCase, _healthy)]);
        Agreement.CheckSameReports(_int402Only, Corpus.Int402Cases());
        if (_classifier.Classify(_healthy).Diagnoses.Count != 0)
        {
            throw new InvalidOperationException("Healthy evidence is expected to give an empty report.");
        }
    }

    [Benchmark(Baseline = true, Description = "Library: Classify healthy evidence")]
    public int Library() => _classifier.Classify(_healthy).Diagnoses.Count;

    [Benchmark(Description = "Library: Classify healthy evidence (INT402 only)")]
    public int LibraryInt402Only() => _int402Only.Classify(_healthy).Diagnoses.Count;

    [Benchmark(Description = "RulesEngine: healthy evidence")]
    public async Task<int> RulesEngine() => (await _rulesEngine.DecideAsync(_healthy)).Count;

    [Benchmark(Description = "Floor: hand-written C# INT402 (same report)")]
    public int HandWrittenReport() => HandWrittenInt402Report.Classify(_healthy).Diagnoses.Count;

    [Benchmark(Description = "Floor: hand-written, healthy evidence (decisions only, no report)")]
    public int HandWritten() => HandWrittenInt402.Decide(_healthy).Count;
}
