using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>
/// A classifier built without dependency injection: it owns its rule set, tells which set is in force, and, with
/// <see cref="IntacctSyncRulesOptions.ReloadOnChange"/>, watches the rule directories until it is disposed.
/// </summary>
/// <remarks>
/// Thread-safe. Building compiles every rule: build once and share the classifier. Every classifier this type
/// builds is disposable and an <see cref="IRuleSetProvider"/>, whatever its options, so code that builds one can
/// always dispose it (<c>using var classifier = SyncErrorClassifier.Create();</c>); disposing a classifier that
/// does not watch anything is harmless. <c>AddIntacctSyncRules</c> registers the same behaviour with the container.
/// </remarks>
public sealed class SyncErrorClassifier : ISyncErrorClassifier, IRuleSetProvider, IDisposable
{
    private readonly ReloadingClassifier _inner;

    private SyncErrorClassifier(ReloadingClassifier inner) => _inner = inner;

    /// <inheritdoc/>
    public RuleSetSnapshot Current => _inner.Current;

    /// <summary>Builds a classifier with the whole built-in catalog.</summary>
    /// <returns>A thread-safe classifier.</returns>
    public static SyncErrorClassifier Create() => Create(new IntacctSyncRulesOptions());

    /// <summary>Builds a classifier from options.</summary>
    /// <param name="options">The options; validated first.</param>
    /// <param name="timeProvider">The clock that says "today" when evidence has no <c>observedAt</c>; the system clock by default.</param>
    /// <param name="logger">Where reloads, rejected rule files and rule faults are logged; nowhere by default.</param>
    /// <returns>
    /// A thread-safe classifier. When <see cref="IntacctSyncRulesOptions.ReloadOnChange"/> is <c>true</c>, it
    /// watches the rule directories until disposed; reloads are reported through <see cref="OnReloaded"/>.
    /// </returns>
    /// <exception cref="OptionsValidationException">The options are invalid; every failure is listed.</exception>
    /// <exception cref="RuleLoadException">A rule file is invalid; every problem is listed.</exception>
    public static SyncErrorClassifier Create(IntacctSyncRulesOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new IntacctSyncRulesOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(IntacctSyncRulesOptions), result.Failures);
        }

        return new SyncErrorClassifier(new ReloadingClassifier(new FixedOptionsMonitor(options), timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance));
    }

    /// <inheritdoc/>
    public DiagnosisReport Classify(SyncEvidence evidence) => _inner.Classify(evidence);

    /// <inheritdoc/>
    public IDisposable OnReloaded(Action<RuleSetReloaded> listener) => _inner.OnReloaded(listener);

    /// <summary>Whether it is watching rule directories and options for changes (tests).</summary>
    internal bool IsWatching => _inner.IsWatching;

    /// <summary>Stops watching the rule directories, if it was; the classifier keeps classifying with the set in force.</summary>
    public void Dispose() => _inner.Dispose();
}
