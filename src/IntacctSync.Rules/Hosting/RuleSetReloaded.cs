using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Hosting;

/// <summary>The outcome of one reload, for <see cref="IRuleSetProvider.OnReloaded"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleSetReloaded
{
    internal RuleSetReloaded(RuleSetSnapshot current, Exception? error)
    {
        Current = current;
        Error = error;
    }

    /// <summary>The set in force after the reload: the new one, or the last valid one when the reload failed.</summary>
    public RuleSetSnapshot Current { get; }

    /// <summary>
    /// Why the reload failed, or <c>null</c> when it succeeded: a <see cref="RuleLoadException"/> listing
    /// every problem of the rule files, an <c>OptionsValidationException</c> listing every invalid option,
    /// or the error that stopped the files from being read.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>Whether the reload put a new set in force.</summary>
    public bool Succeeded => Error is null;
}
