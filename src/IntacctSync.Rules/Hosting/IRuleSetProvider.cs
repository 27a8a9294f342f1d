namespace IntacctSync.Rules.Hosting;

/// <summary>
/// Tells which rule set the classifier registered by <c>AddIntacctSyncRules</c> has in force, and when
/// a reload replaced it or was rejected.
/// </summary>
/// <remarks>
/// Thread-safe. Without <see cref="IntacctSyncRulesOptions.ReloadOnChange"/> the first set stays in force
/// for the classifier's whole life (generation 1) and <see cref="Reloaded"/> is never raised.
/// </remarks>
public interface IRuleSetProvider
{
    /// <summary>The rule set in force now. Classify with the snapshot to know exactly which set decided a report.</summary>
    RuleSetSnapshot Current { get; }

    /// <summary>
    /// Raised after each reload, successful or not, on the thread that reloaded (never a caller's thread).
    /// An exception thrown by a handler is logged and does not stop the other handlers.
    /// </summary>
    event EventHandler<RuleSetReloadedEventArgs>? Reloaded;
}
