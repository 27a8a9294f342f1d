namespace IntacctSync.Rules.Collector;

/// <summary>One probe that ended: the function called, the object it was about, and how it ended.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class ProbeProgress
{
    internal ProbeProgress(string function, string? objectName, ProbeOutcome outcome)
    {
        Function = function;
        ObjectName = objectName;
        Outcome = outcome;
    }

    /// <summary>The gateway function: <c>getAPISession</c>, <c>getDimensions</c>, <c>lookup</c>, <c>readByQuery</c>, <c>getUserPermissions</c>.</summary>
    public string Function { get; }

    /// <summary>The object the call was about, such as a user-defined dimension's object name; <c>null</c> when none.</summary>
    public string? ObjectName { get; }

    /// <summary>How the probe ended.</summary>
    public ProbeOutcome Outcome { get; }

    /// <summary>One line for people: <c>readByQuery COSTCENTER: refused</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        $"{Function}{(ObjectName is null ? string.Empty : " " + ObjectName)}: {Outcome switch
        {
            ProbeOutcome.Answered => "answered",
            ProbeOutcome.Refused => "refused",
            _ => "Sage Intacct unavailable",
        }}";
}
