using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using IntacctSync.Rules;
using IntacctSync.Rules.Benchmarks;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Evidence;

if (args is ["--check"])
{
    // The honesty check alone, without timing anything: the three INT402 implementations agree, on INT402's cases (what
    // the benchmarks' setup checks) and, beyond them, on every other code's cases (INT402 among other evidence).
    var cases = Corpus.Int402Cases();
    var rulesEngine = new RulesEngineInt402(Corpus.Int402Rule());
    Agreement.Check(SyncErrorClassifier.Create(), rulesEngine, cases);
    var decisions = cases.SelectMany(c => HandWrittenInt402.Decide(c.Evidence)).ToList();
    Console.WriteLine($"The library, RulesEngine and the hand-written floor agree on all {cases.Count} INT402 cases " +
        $"({decisions.Count} INT402 decisions: {string.Join(", ", decisions.GroupBy(d => d.Certainty).Select(g => $"{g.Count()} {g.Key}"))}).");
    Console.WriteLine($"The hand-written floor's reports equal the library's (INT402 only), byte for byte as JSON, on all {Agreement.CheckSameReports(Classifiers.Int402Only(), cases)} INT402 cases.");
    var others = Corpus.AllCases().Where(c => !c.Name.StartsWith("INT402/", StringComparison.Ordinal)).ToList();
    Agreement.Check(SyncErrorClassifier.Create(), rulesEngine, others);
    var otherDecisions = others.Sum(c => HandWrittenInt402.Decide(c.Evidence).Count);
    Console.WriteLine($"On the {others.Count} cases of the other codes, the three agree too ({otherDecisions} INT402 decision{(otherDecisions == 1 ? string.Empty : "s")}), " +
        $"and the floor's reports equal the library's on all {Agreement.CheckSameReports(Classifiers.Int402Only(), others)}.");
    Console.WriteLine($"RulesEngine runs {rulesEngine.RuleCount} rules per dimension, each cause's when as two (known true, known false):");
    foreach (var (name, expression) in rulesEngine.Conditions)
    {
        Console.WriteLine($"  {name}: {expression}");
    }

    return;
}

if (args is ["--check-catalog"])
{
    // The whole-catalog check alone: RulesEngine and the library agree on every condition of every case.
    Console.WriteLine(CatalogAgreement.Check(SyncErrorClassifier.Create(), new RulesEngineCatalog(Corpus.RuleFiles()), Corpus.AllCases()));
    return;
}

if (args is ["--breakdown-catalog"])
{
    CatalogBreakdown.Print();
    return;
}

if (args is ["--profile-catalog", var rounds])
{
    // The library alone over every case, ROUNDS times, for a profiler to sample or count (README.md, "Profiling").
    Profile(Classifiers.BuiltIn(), Corpus.AllCases().Select(c => c.Evidence).ToList(), rounds);
    return;
}

if (args is ["--profile-int402", var int402Rounds])
{
    // The library with INT402 alone over the INT402 cases, ROUNDS times: where INT402's time goes against its floor.
    Profile(Classifiers.Int402Only(), Corpus.Int402Cases().Select(c => c.Evidence).ToList(), int402Rounds);
    return;
}

if (args is ["--profile-healthy", var healthyRounds])
{
    // The library alone over the healthy case, ROUNDS times: where a classification that finds nothing spends its time.
    Profile(Classifiers.BuiltIn(), [Corpus.Case(Corpus.HealthyCase)], healthyRounds);
    return;
}

if (args is ["--breakdown"])
{
    CostBreakdown.Print();
    return;
}

if (args is ["--batch-memory", .. var counts])
{
    // Peak working set of `diagnose --batch` for growing files: constant memory shows as a flat column.
    var cli = RepoPaths.EnsureReleaseBuild("src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj", "src/IntacctSync.Rules.Cli/bin/Release/net10.0/intacct-sync.dll");
    foreach (var count in counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)))
    {
        var file = BatchCorpus.Ensure(count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = BatchProcess.Run("dotnet", [cli, "diagnose", "--batch", file]);
        Console.WriteLine($"{count,9:N0} documents: exit {run.ExitCode}, {run.OutputLines:N0} report lines, peak working set {run.PeakWorkingSet / (1024.0 * 1024):N1} MiB, {clock.Elapsed.TotalSeconds:N1} s");
    }

    return;
}

// `-- --filter '*'` runs every benchmark; each class carries its own short job (see README.md). The
// generated boilerplate is built with the repository's analyzers on a shared 2-core machine, which can
// take longer than BenchmarkDotNet's default two minutes.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// Classifies each document ROUNDS times over, for a profiler to sample or count.
static void Profile(ISyncErrorClassifier classifier, List<SyncEvidence> documents, string rounds)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var total = int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture);
    for (var round = 0; round < total; round++)
    {
        foreach (var evidence in documents)
        {
            classifier.Classify(evidence);
        }
    }

    Console.WriteLine($"{total * documents.Count:N0} classifications in {clock.Elapsed.TotalSeconds:N1} s");
}
