namespace IntacctSync.Rules.Hosting;

/// <summary>
/// Tells which rule set the classifier registered by <c>AddIntacctSyncRules</c> has in force, and when
/// a reload replaced it or was rejected.
/// </summary>
/// <remarks>
/// Thread-safe. Without <see cref="IntacctSyncRulesOptions.ReloadOnChange"/> the first set stays in force
/// for the classifier's whole life (generation 1) and no <see cref="OnReloaded"/> listener is ever called.
/// </remarks>
public interface IRuleSetProvider
{
    /// <summary>The rule set in force now. Classify with the snapshot to know exactly which set decided a report.</summary>
    RuleSetSnapshot Current { get; }

    /// <summary>
    /// Registers <paramref name="listener"/> to be called after each reload, successful or not, on the thread that
    /// reloaded (never a caller's thread), as <c>IOptionsMonitor.OnChange</c> does. An exception thrown by a listener
    /// is logged and does not stop the other listeners.
    /// </summary>
    /// <param name="listener">Called with the outcome of each reload.</param>
    /// <returns>Dispose it to stop listening; disposing twice is harmless.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> is <c>null</c>.</exception>
    IDisposable OnReloaded(Action<RuleSetReloaded> listener);
}
