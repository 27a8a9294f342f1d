using IntacctSync.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Tests.Hosting;

/// <summary>
/// Debounce, disposal, invalid options and event handlers, driven by a manual clock: a timer fires only
/// when the test fires it, so nothing here waits.
/// </summary>
public sealed class ReloadSchedulingTests : IDisposable
{
    private readonly TempRuleDirectory _rules = new();
    private readonly CapturingLoggerFactory _log = new();
    private readonly ManualTimeProvider _time = new();
    private readonly OptionsTrigger _trigger = new();
    private readonly ServiceProvider _services;
    private IntacctSyncRulesOptions? _next;

    public ReloadSchedulingTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ILoggerFactory>(_log);
        services.AddSingleton<IOptionsChangeTokenSource<IntacctSyncRulesOptions>>(_trigger);
        services.AddIntacctSyncRules(o =>
        {
            o.ReloadOnChange = true;
            o.ReloadDelay = TimeSpan.FromSeconds(3);
            o.RuleDirectories.Add(_rules.Path);
            if (_next is { } next)
            {
                o.ReloadDelay = next.ReloadDelay;
                o.MaxEvidenceBytes = next.MaxEvidenceBytes;
            }
        });
        _services = services.BuildServiceProvider();
    }

    private ReloadingClassifier Classifier => _services.GetRequiredService<ReloadingClassifier>();

    private ManualTimeProvider.ManualTimer Debounce => Assert.Single(_time.Timers);

    public void Dispose()
    {
        _services.Dispose();
        _trigger.Dispose();
        _rules.Dispose();
    }

    [Fact]
    public void OptionsChanged_BurstOfChanges_ReloadsOnceWhenTheDelayElapses()
    {
        var classifier = Classifier;
        var outcomes = new List<RuleSetReloaded>();
        using var listening = classifier.OnReloaded(outcomes.Add);

        _trigger.Fire();
        _trigger.Fire();
        _trigger.Fire();

        Assert.Equal(3, Debounce.Changes);
        Assert.Equal(TimeSpan.FromSeconds(3), Debounce.DueTime);
        Assert.Empty(outcomes);
        Assert.Equal(1, classifier.Current.Generation);

        Debounce.Fire();

        var outcome = Assert.Single(outcomes);
        Assert.True(outcome.Succeeded);
        Assert.Equal(2, classifier.Current.Generation);
        Assert.Same(classifier.Current, outcome.Current);
    }

    [Fact]
    public void Dispose_WhileWatching_StopsWatchingAndNeverReloadsAgain()
    {
        var classifier = Classifier;
        var before = classifier.Current;
        var outcomes = new List<RuleSetReloaded>();
        using var listening = classifier.OnReloaded(outcomes.Add);
        Assert.True(classifier.IsWatching);

        _services.Dispose();

        Assert.False(classifier.IsWatching);
        Assert.True(Debounce.Disposed);
        _trigger.Fire();
        classifier.ScheduleReload();
        Assert.Equal(0, Debounce.Changes);

        // A callback the runtime had already queued when the timer was disposed.
        Debounce.Fire();

        Assert.Empty(outcomes);
        Assert.Same(before, classifier.Current);
        Assert.NotNull(classifier.Classify(ReloadTestKit.Int402Evidence));
        classifier.Dispose();
    }

    [Fact]
    public void Reload_OptionsBecameInvalid_KeepsLastGoodSetAndLogsEveryFailure()
    {
        var classifier = Classifier;
        var good = classifier.Current;
        var outcomes = new List<RuleSetReloaded>();
        using var listening = classifier.OnReloaded(outcomes.Add);
        _next = new IntacctSyncRulesOptions { ReloadDelay = TimeSpan.FromSeconds(-1), MaxEvidenceBytes = 10 };

        // The options monitor validates as it re-reads, so the invalid value reaches the one who changed it...
        var thrown = Record.Exception(_trigger.Fire);
        Assert.IsType<OptionsValidationException>(Assert.IsType<AggregateException>(thrown).InnerException);

        // ...and the next reload (say, a rule file changed) keeps the last good set and logs each failure.
        Debounce.Fire();

        var outcome = Assert.Single(outcomes);
        var error = Assert.IsType<OptionsValidationException>(outcome.Error);
        Assert.Equal(2, error.Failures.Count());
        Assert.Same(good, classifier.Current);
        var logged = _log.Named("OptionsRejected");
        Assert.Equal(error.Failures, logged.Select(e => (string)e.Values["Failure"]!));
        Assert.Contains(logged, e => ((string)e.Values["Failure"]!).Contains("ReloadDelay is -00:00:01", StringComparison.Ordinal));
        Assert.Contains(logged, e => ((string)e.Values["Failure"]!).Contains("MaxEvidenceBytes is 10", StringComparison.Ordinal));
    }

    [Fact]
    public void OnReloaded_ListenerThrows_OtherListenersStillRunAndTheFailureIsLogged()
    {
        var classifier = Classifier;
        var second = 0;
        using var failing = classifier.OnReloaded(_ => throw new InvalidOperationException("handler failed"));
        using var counting = classifier.OnReloaded(_ => second++);

        classifier.Reload();

        Assert.Equal(1, second);
        var logged = Assert.Single(_log.Named("ReloadedHandlerFailed"));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal(2, classifier.Current.Generation);
    }

    [Fact]
    public void OnReloaded_Disposed_IsNotCalledAgainAndDisposingTwiceIsHarmless()
    {
        var classifier = Classifier;
        int first = 0, second = 0;
        var stopped = classifier.OnReloaded(_ => first++);
        using var kept = classifier.OnReloaded(_ => second++);

        classifier.Reload();
        stopped.Dispose();
        stopped.Dispose();
        classifier.Reload();

        Assert.Equal(1, first);
        Assert.Equal(2, second);
    }

    [Fact]
    public void Publish_EachSet_IsTheNextGeneration()
    {
        var classifier = Classifier;
        var rules = classifier.Current.Rules;

        var second = classifier.Publish(rules);
        var third = classifier.Publish(rules);

        Assert.Equal([2L, 3L], [second.Generation, third.Generation]);
        Assert.Same(third, classifier.Current);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_600_001)]
    public void Create_ReloadDelayOutOfRange_ThrowsNamingIt(int milliseconds)
    {
        var options = new IntacctSyncRulesOptions { ReloadDelay = TimeSpan.FromMilliseconds(milliseconds) };

        var ex = Assert.Throws<OptionsValidationException>(() => SyncErrorClassifier.Create(options));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith($"ReloadDelay is {options.ReloadDelay}; it must be between 00:00:00 and 01:00:00", failure, StringComparison.Ordinal);
    }
}
