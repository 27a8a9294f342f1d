using IntacctSync.Rules.Classification;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>Builds classifiers without dependency injection.</summary>
/// <remarks>Thread-safe. Building compiles every rule; build once and share the classifier.</remarks>
public static class SyncErrorClassifier
{
    /// <summary>Builds a classifier with the whole built-in catalog.</summary>
    /// <returns>A thread-safe classifier.</returns>
    public static ISyncErrorClassifier Create() => Create(new IntacctSyncRulesOptions());

    /// <summary>Builds a classifier from options.</summary>
    /// <param name="options">The options; validated first.</param>
    /// <param name="timeProvider">The clock that says "today" when evidence has no <c>observedAt</c>; the system clock by default.</param>
    /// <returns>
    /// A thread-safe classifier. When <see cref="IntacctSyncRulesOptions.ReloadOnChange"/> is <c>true</c>, it
    /// watches the rule directories and also implements <see cref="IRuleSetProvider"/> and
    /// <see cref="IDisposable"/>: dispose it to stop watching. (Reload failures are then reported through
    /// <see cref="IRuleSetProvider.Reloaded"/>; register with <c>AddIntacctSyncRules</c> to have them logged.)
    /// </returns>
    /// <exception cref="OptionsValidationException">The options are invalid; every failure is listed.</exception>
    /// <exception cref="RuleLoadException">A rule file is invalid; every problem is listed.</exception>
    public static ISyncErrorClassifier Create(IntacctSyncRulesOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new IntacctSyncRulesOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(IntacctSyncRulesOptions), result.Failures);
        }

        if (options.ReloadOnChange)
        {
            return new ReloadingClassifier(new FixedOptionsMonitor(options), timeProvider ?? TimeProvider.System, NullLogger.Instance);
        }

        var rules = RuleSet.Load(options.IncludeBuiltInRules, options.RuleDirectories, options.RuleSources);
        return new RuleBasedClassifier(rules, timeProvider ?? TimeProvider.System);
    }
}
