using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// The whole built-in catalog against the same rules run per call through RulesEngine (the issue's
/// "classify" comparison): over <see cref="CatalogMix"/> (every case of every code, then healthy evidence),
/// and over healthy evidence alone. Figures are per classification.
/// </summary>
[MemoryDiagnoser]
// More warm-up than the other classes: the mix reaches hundreds of methods (every rule's conditions, every
// report path), and the JIT takes seconds to bring them all to their optimized tier.
[SimpleJob(launchCount: 1, warmupCount: 15, iterationCount: 15)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CatalogBenchmarks
{
    private ISyncErrorClassifier _classifier = null!;
    private RulesEngineCatalog _rulesEngine = null!;
    private SyncEvidence[] _mix = [];
    private SyncEvidence _healthy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Classifiers.BuiltIn();
        _rulesEngine = new RulesEngineCatalog(Corpus.RuleFiles());
        _mix = CatalogMix.Build();
        _healthy = Corpus.Case(Corpus.HealthyCase);
        CatalogAgreement.Check(_classifier, _rulesEngine, Corpus.AllCases());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CatalogMix.Size, Description = "Library: Classify (built-in catalog, full report)")]
    [BenchmarkCategory("mix")]
    public int Library()
    {
        var diagnoses = 0;
        foreach (var evidence in _mix)
        {
            diagnoses += _classifier.Classify(evidence).Diagnoses.Count;
        }

        return diagnoses;
    }

    [Benchmark(OperationsPerInvoke = CatalogMix.Size, Description = "RulesEngine: ExecuteAllRulesAsync per rule and subject (decisions)")]
    [BenchmarkCategory("mix")]
    public async Task<int> RulesEngine()
    {
        var decisions = 0;
        foreach (var evidence in _mix)
        {
            decisions += (await _rulesEngine.DecideAsync(evidence)).Count;
        }

        return decisions;
    }

    [Benchmark(Baseline = true, Description = "Library: Classify healthy evidence (built-in catalog)")]
    [BenchmarkCategory("healthy")]
    public int LibraryHealthy() => _classifier.Classify(_healthy).Diagnoses.Count;

    [Benchmark(Description = "RulesEngine: healthy evidence (decisions)")]
    [BenchmarkCategory("healthy")]
    public async Task<int> RulesEngineHealthy() => (await _rulesEngine.DecideAsync(_healthy)).Count;
}
