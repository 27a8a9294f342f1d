using System.Collections.Concurrent;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Tests.Hosting;

/// <summary>Hot reload through real file watchers and <see cref="IOptionsMonitor{TOptions}"/>.</summary>
public sealed class ReloadingClassifierTests : IDisposable
{
    private readonly TempRuleDirectory _rules = new();
    private readonly CapturingLoggerFactory _log = new();

    public void Dispose() => _rules.Dispose();

    [Fact]
    public async Task RuleFileAdded_ValidOverride_PutsNewSetInForceAndLogsIt()
    {
        using var services = Services();
        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var before = Report(classifier);
        var reloaded = ReloadTestKit.NextReload(provider, a => a.Succeeded);

        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[edited]"));
        var outcome = await reloaded;

        Assert.Null(outcome.Error);
        Assert.True(outcome.Current.Generation >= 2, $"generation {outcome.Current.Generation}");
        Assert.Same(outcome.Current, provider.Current);
        Assert.Equal(Expected("[edited]"), Report(classifier));
        Assert.NotEqual(before, Report(classifier));
        var logged = Assert.Single(_log.Named("RulesReloaded"), e => (long)e.Values["Generation"]! == outcome.Current.Generation);
        Assert.Equal(outcome.Current.RuleCount, logged.Values["RuleCount"]);
        Assert.Equal(LogLevel.Information, logged.Level);
    }

    [Fact]
    public async Task RuleFileAdded_InvalidRule_KeepsLastGoodSetAndLogsEveryProblem()
    {
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[good]"));
        using var services = Services();
        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var good = provider.Current;
        Assert.Equal(Expected("[good]"), Report(classifier));
        var rejected = ReloadTestKit.NextReload(provider, a => !a.Succeeded);

        ReloadTestKit.WriteRuleFile(_rules.Path, "BAD.json", """{"code":"BAD"}""");
        var outcome = await rejected;

        // The same files, loaded directly, name the problems the log must list.
        var direct = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(Options(reload: false)));
        Assert.True(direct.Problems.Count >= 2, direct.Message);
        var error = Assert.IsType<RuleLoadException>(outcome.Error);
        Assert.Equal(direct.Problems.Select(p => p.ToString()), error.Problems.Select(p => p.ToString()));
        Assert.Same(good, outcome.Current);
        Assert.Same(good, provider.Current);
        Assert.Equal(Expected("[good]"), Report(classifier));

        var summary = Assert.Single(_log.Named("RulesRejected"));
        Assert.Equal(direct.Problems.Count, summary.Values["ProblemCount"]);
        Assert.Equal(good.Generation, summary.Values["Generation"]);
        var logged = _log.Named("RuleProblem").Select(e => (e.Values["File"], e.Values["Line"], e.Values["Rule"], e.Values["Problem"])).ToArray();
        Assert.Equal(direct.Problems.Select(p => ((object?)p.File, (object?)p.Line, (object?)(p.Rule ?? "(no code)"), (object?)p.Message)), logged);
        Assert.All(_log.Named("RuleProblem"), e => Assert.Equal(LogLevel.Error, e.Level));
        Assert.Empty(_log.Named("RulesReloaded"));
    }

    // Each would end the process with a stack overflow, or hang every Classify call, were it parsed or run.
    public static TheoryData<string, string, string> HostileConditions() => new()
    {
        { "5,000 nested parentheses", new string('(', 5_000) + "e.Failed" + new string(')', 5_000), "too large to load" },
        { "20,000 &&", "e.Failed" + string.Concat(Enumerable.Repeat(" && e.Failed", 20_000)), "too large to load" },
        { "an endless nested range", "Enumerable.Range(0, 100000).Any(i => Enumerable.Range(0, 100000).Any(j => i == j))", "Enumerable.Range(...) is not allowed" },
    };

    [Theory]
    [MemberData(nameof(HostileConditions))]
    public async Task RuleFileAdded_HostileCondition_RejectedWithoutHarmAndLastGoodSetStays(string name, string condition, string expected)
    {
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[good]"));
        using var services = Services();
        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var good = provider.Current;
        var rejected = ReloadTestKit.NextReload(provider, a => !a.Succeeded);

        var hostile = System.Text.Json.Nodes.JsonNode.Parse(ReloadTestKit.Int402Override("[hostile]"))!.AsObject();
        hostile["appliesWhen"] = condition;
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", hostile.ToJsonString());
        var outcome = await rejected;

        var problem = Assert.Single(Assert.IsType<RuleLoadException>(outcome.Error).Problems);
        Assert.EndsWith("INT402.json", problem.File, StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
        Assert.Contains("$.appliesWhen: the condition", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Same(good, provider.Current);
        Assert.Equal(Expected("[good]"), Report(classifier));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task RuleFileFixed_AfterInvalidOne_PutsFixedSetInForce()
    {
        using var services = Services();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var rejected = ReloadTestKit.NextReload(provider, a => !a.Succeeded);
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", """{"code":"INT402","override":true}""");
        await rejected;
        Assert.Equal(1, provider.Current.Generation);

        var fixedSet = ReloadTestKit.NextReload(provider, a => a.Succeeded);
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[fixed]"));
        var outcome = await fixedSet;

        Assert.Equal(Expected("[fixed]"), DiagnosisReportJson.Write(outcome.Current.Classify(ReloadTestKit.Int402Evidence)));
    }

    [Fact]
    public async Task OptionsChanged_RuleDirectoryAdded_ReloadsFromIt()
    {
        var directories = new List<string>();
        var trigger = new OptionsTrigger();
        using var services = Services(configure: o => o.RuleDirectories.Clear(), trigger: trigger, directories: directories);
        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        Assert.Equal(Expected(marker: null), Report(classifier));
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[options]"));
        var reloaded = ReloadTestKit.NextReload(provider, a => a.Succeeded);

        lock (directories)
        {
            directories.Add(_rules.Path);
        }

        trigger.Fire();
        var outcome = await reloaded;

        Assert.Equal(2, outcome.Current.Generation);
        Assert.Equal(Expected("[options]"), Report(classifier));

        // The directory the options added is now watched too.
        var edited = ReloadTestKit.NextReload(provider, a => a.Succeeded && a.Current.Generation > 2);
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override("[watched]"));
        await edited;
        Assert.Equal(Expected("[watched]"), Report(classifier));
    }

    [Fact]
    public async Task Classify_WhileRuleFilesSwap_EachReportIsWholeOldOrNewSet()
    {
        const int Swaps = 6;
        string[] markers = ["[one]", "[two]"];
        var expected = markers.Select(Expected).ToArray();
        ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override(markers[0]));
        using var services = Services();
        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long calls = 0;
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                seen.AddOrUpdate(Report(classifier), 1, (_, n) => n + 1);
                Interlocked.Increment(ref calls);
            }
        })).ToArray();

        for (var swap = 1; swap <= Swaps; swap++)
        {
            var generation = provider.Current.Generation;
            var reloaded = ReloadTestKit.NextReload(provider, a => a.Succeeded && a.Current.Generation > generation);
            ReloadTestKit.WriteRuleFile(_rules.Path, "INT402.json", ReloadTestKit.Int402Override(markers[swap % 2]));
            await reloaded;

            // Progress, not time: the workers classify with the new set before the next swap.
            var mark = Interlocked.Read(ref calls);
            while (Interlocked.Read(ref calls) < mark + 20)
            {
                await Task.Yield();
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Interlocked.Read(ref calls), seen.Values.Sum());
    }

    [Fact]
    public void AddIntacctSyncRules_Resolved_ClassifierAndProviderAreOneSingleton()
    {
        using var services = Services(reload: false);

        var classifier = services.GetRequiredService<ISyncErrorClassifier>();
        var provider = services.GetRequiredService<IRuleSetProvider>();

        Assert.Same(classifier, provider);
        Assert.Equal(1, provider.Current.Generation);
        Assert.True(provider.Current.RuleCount > 30, $"{provider.Current.RuleCount} rules");
    }

    [Fact]
    public void AddIntacctSyncRules_ReloadOff_WatchesNothing()
    {
        using var services = Services(reload: false);

        var classifier = (ReloadingClassifier)services.GetRequiredService<ISyncErrorClassifier>();

        Assert.False(classifier.IsWatching);
    }

    [Fact]
    public void Create_ReloadOnChange_ReturnsWatchingDisposableProvider()
    {
        var classifier = SyncErrorClassifier.Create(Options(reload: true), new RuleCorpusTests.FixedTime());

        Assert.True(classifier.IsWatching);
        Assert.Equal(1, classifier.Current.Generation);
        classifier.Dispose();
        Assert.False(classifier.IsWatching);
    }

    // One factory shape: without ReloadOnChange the classifier is still a provider (generation 1) and disposable.
    [Fact]
    public void Create_WithoutReload_IsAProviderThatDisposesHarmlessly()
    {
        var classifier = SyncErrorClassifier.Create(Options(reload: false), new RuleCorpusTests.FixedTime());

        Assert.False(classifier.IsWatching);
        Assert.Equal(1, classifier.Current.Generation);
        classifier.Dispose();
        classifier.Dispose();
        Assert.NotEmpty(classifier.Classify(IntacctSync.Rules.Evidence.SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Cases, "INT402", "contract-udd-inactive.json")))).Diagnoses);
    }

    private ServiceProvider Services(bool reload = true, Action<IntacctSyncRulesOptions>? configure = null, OptionsTrigger? trigger = null, List<string>? directories = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new RuleCorpusTests.FixedTime());
        services.AddSingleton<ILoggerFactory>(_log);
        if (trigger is not null)
        {
            services.AddSingleton<IOptionsChangeTokenSource<IntacctSyncRulesOptions>>(trigger);
        }

        services.AddIntacctSyncRules(o =>
        {
            o.ReloadOnChange = reload;
            o.ReloadDelay = TimeSpan.FromMilliseconds(20);
            o.RuleDirectories.Add(_rules.Path);
            configure?.Invoke(o);
            if (directories is not null)
            {
                lock (directories)
                {
                    foreach (var directory in directories)
                    {
                        o.RuleDirectories.Add(directory);
                    }
                }
            }
        });
        return services.BuildServiceProvider();
    }

    private IntacctSyncRulesOptions Options(bool reload)
    {
        var options = new IntacctSyncRulesOptions { ReloadOnChange = reload };
        options.RuleDirectories.Add(_rules.Path);
        return options;
    }

    private static string Report(ISyncErrorClassifier classifier) => DiagnosisReportJson.Write(classifier.Classify(ReloadTestKit.Int402Evidence));

    /// <summary>
    /// The report of a classifier built from scratch: built-in rules, plus the INT402 override with
    /// <paramref name="marker"/> in a directory of its own (the report cites the rule file, so its path is
    /// then written as the watched directory's).
    /// </summary>
    private string Expected(string? marker)
    {
        using var directory = new TempRuleDirectory();
        var options = new IntacctSyncRulesOptions();
        if (marker is not null)
        {
            ReloadTestKit.WriteRuleFile(directory.Path, "INT402.json", ReloadTestKit.Int402Override(marker));
            options.RuleDirectories.Add(directory.Path);
        }

        var report = Report(SyncErrorClassifier.Create(options, new RuleCorpusTests.FixedTime()));
        if (marker is not null)
        {
            Assert.Contains(marker, report, StringComparison.Ordinal);
        }

        return report.Replace(directory.Path, _rules.Path, StringComparison.Ordinal);
    }
}
