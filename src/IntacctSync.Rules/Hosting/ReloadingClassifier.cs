using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Hosting;

/// <summary>
/// The classifier that <c>AddIntacctSyncRules</c> registers: it classifies with the snapshot in force
/// and, when <see cref="IntacctSyncRulesOptions.ReloadOnChange"/> is set, replaces that snapshot after a
/// rule file or the options change.
/// </summary>
/// <remarks>
/// The snapshot is one reference: a call reads it once and uses it throughout, and a reload replaces it
/// with one write, so every call sees one whole rule set. Loading and compiling happen on the debounce
/// timer's thread, never on a caller's.
/// </remarks>
internal sealed partial class ReloadingClassifier : ISyncErrorClassifier, IRuleSetProvider, IDisposable
{
    private readonly IOptionsMonitor<IntacctSyncRulesOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _publishGate = new();
    private RuleSetSnapshot _current;

    /// <summary>Builds the first snapshot from the current options, then starts watching when asked to.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="RuleLoadException">A rule file is invalid; every problem is listed.</exception>
    public ReloadingClassifier(IOptionsMonitor<IntacctSyncRulesOptions> options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var current = options.CurrentValue;
        _current = new RuleSetSnapshot(RuleSet.Load(current.IncludeBuiltInRules, current.RuleDirectories, current.RuleSources), 1, time, logger);
        if (current.ReloadOnChange)
        {
            StartWatching(current);
        }
    }

    // Replaced whole on every change (copy on write): a reload reads one array and calls every listener in it.
    private Action<RuleSetReloaded>[] _listeners = [];

    public IDisposable OnReloaded(Action<RuleSetReloaded> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_publishGate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Listening(this, listener);
    }

    public RuleSetSnapshot Current => Volatile.Read(ref _current);

    public DiagnosisReport Classify(SyncEvidence evidence) => Current.Classify(evidence);

    /// <summary>Puts <paramref name="rules"/> in force as the next generation; one reference write.</summary>
    internal RuleSetSnapshot Publish(RuleSet rules)
    {
        lock (_publishGate)
        {
            var next = new RuleSetSnapshot(rules, _current.Generation + 1, _time, _logger);
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    /// <summary>Loads and validates the whole set from the current options; publishes it only when valid.</summary>
    internal void Reload()
    {
        IntacctSyncRulesOptions options;
        try
        {
            options = _options.CurrentValue;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                Log.OptionsRejected(_logger, failure, Current.Generation);
            }

            Raise(ex);
            return;
        }

        Retarget(options);
        RuleSet rules;
        try
        {
            rules = RuleSet.Load(options.IncludeBuiltInRules, options.RuleDirectories, options.RuleSources);
        }
        catch (RuleLoadException ex)
        {
            Log.RulesRejected(_logger, ex.Problems.Count, Current.Generation);
            foreach (var problem in ex.Problems)
            {
                Log.RuleProblem(_logger, problem.File, problem.Line, problem.Rule ?? "(no code)", problem.Message);
            }

            Raise(ex);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file being copied or deleted mid-read; the change that follows schedules another reload.
            Log.ReloadFailed(_logger, ex, Current.Generation);
            Raise(ex);
            return;
        }

        var published = Publish(rules);
        Log.RulesReloaded(_logger, published.Generation, published.RuleCount);
        Raise(null);
    }

    private void Raise(Exception? error)
    {
        var listeners = Volatile.Read(ref _listeners);
        if (listeners.Length == 0)
        {
            return;
        }

        var args = new RuleSetReloaded(Current, error);
        foreach (var listener in listeners)
        {
            try
            {
                listener(args);
            }
#pragma warning disable CA1031 // A host's listener must not stop the reload thread or the other listeners; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ReloadedHandlerFailed(_logger, ex);
            }
        }
    }

    private void Remove(Action<RuleSetReloaded> listener)
    {
        lock (_publishGate)
        {
            var at = Array.IndexOf(_listeners, listener);
            if (at >= 0)
            {
                _listeners = [.. _listeners[..at], .. _listeners[(at + 1)..]];
            }
        }
    }

    /// <summary>One registration of <see cref="OnReloaded"/>: disposing it removes that listener once.</summary>
    private sealed class Listening(ReloadingClassifier owner, Action<RuleSetReloaded> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
