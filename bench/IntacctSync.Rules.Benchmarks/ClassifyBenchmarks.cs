using BenchmarkDotNet.Attributes;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// Classifying the realistic mix (<see cref="Mix"/>): the library's built-in catalog, the library with
/// INT402 alone, INT402 through RulesEngine per call, and two hand-written INT402 floors: one that writes
/// the same report as the library with INT402 alone (<see cref="HandWrittenInt402Report"/>, checked equal as
/// JSON on every case before timing) and one that only decides (<see cref="HandWrittenInt402"/>: certainty
/// and cause verdicts, no report, as RulesEngine). Figures are per classification.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ClassifyBenchmarks
{
    private ISyncErrorClassifier _classifier = null!;
    private ISyncErrorClassifier _int402Only = null!;
    private RulesEngineInt402 _rulesEngine = null!;
    private SyncEvidence[] _mix = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Classifiers.BuiltIn();
        _int402Only = Classifiers.Int402Only();
        _rulesEngine = new RulesEngineInt402(Corpus.Int402Rule());
        _mix = Mix.Build();
        Agreement.Check(_classifier, _rulesEngine, Corpus.Int402Cases());
        Agreement.Check(_int402Only, null, Corpus.Int402Cases());
        Agreement.CheckSameReports(_int402Only, Corpus.Int402Cases());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Mix.Size, Description = "Library: Classify (built-in catalog, full report)")]
    public int Library()
    {
        var diagnoses = 0;
        foreach (var evidence in _mix)
        {
            diagnoses += _classifier.Classify(evidence).Diagnoses.Count;
        }

        return diagnoses;
    }

    [Benchmark(OperationsPerInvoke = Mix.Size, Description = "Library: Classify (INT402 only, full report)")]
    public int LibraryInt402Only()
    {
        var diagnoses = 0;
        foreach (var evidence in _mix)
        {
            diagnoses += _int402Only.Classify(evidence).Diagnoses.Count;
        }

        return diagnoses;
    }

    [Benchmark(OperationsPerInvoke = Mix.Size, Description = "RulesEngine: ExecuteAllRulesAsync per dimension (INT402 decisions)")]
    public async Task<int> RulesEngine()
    {
        var decisions = 0;
        foreach (var evidence in _mix)
        {
            decisions += (await _rulesEngine.DecideAsync(evidence)).Count;
        }

        return decisions;
    }

    [Benchmark(OperationsPerInvoke = Mix.Size, Description = "Floor: hand-written C# INT402 (same report)")]
    public int HandWrittenReport()
    {
        var diagnoses = 0;
        foreach (var evidence in _mix)
        {
            diagnoses += HandWrittenInt402Report.Classify(evidence).Diagnoses.Count;
        }

        return diagnoses;
    }

    [Benchmark(OperationsPerInvoke = Mix.Size, Description = "Floor: hand-written C# INT402 (decisions only, no report)")]
    public int HandWritten()
    {
        var decisions = 0;
        foreach (var evidence in _mix)
        {
            decisions += HandWrittenInt402.Decide(evidence).Count;
        }

        return decisions;
    }
}
