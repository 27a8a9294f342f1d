namespace IntacctSync.Rules.Diagnoses;

/// <summary>One step of a remediation plan: where to go and what to do.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RemediationStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="order">The 1-based position in the diagnosis's plan.</param>
    /// <param name="system">Where the step is carried out.</param>
    /// <param name="path">Where to click.</param>
    /// <param name="action">What to do.</param>
    /// <param name="cause">The cause the step remedies, or <c>null</c> for a step every cause needs.</param>
    public RemediationStep(int order, StepSystem system, string path, string action, string? cause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(action);
        Order = order;
        System = system;
        Path = path;
        Action = action;
        Cause = cause;
    }

    /// <summary>The 1-based position in the diagnosis's plan.</summary>
    public int Order { get; }

    /// <summary>Where the step is carried out.</summary>
    public StepSystem System { get; }

    /// <summary>Where to click, with the evidence's names filled in.</summary>
    public string Path { get; }

    /// <summary>What to do, with the evidence's names filled in.</summary>
    public string Action { get; }

    /// <summary>The id of the cause the step remedies, or <c>null</c> for a step every cause needs.</summary>
    public string? Cause { get; }
}
