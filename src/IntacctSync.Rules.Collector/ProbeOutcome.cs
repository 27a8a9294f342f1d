namespace IntacctSync.Rules.Collector;

/// <summary>How a probe ended.</summary>
public enum ProbeOutcome
{
    /// <summary>The gateway answered the call with data.</summary>
    Answered = 0,

    /// <summary>The gateway answered with an API error (recorded in the evidence's <c>apiErrors</c>); its fields stay absent.</summary>
    Refused,

    /// <summary>No API response came back (an outage page, a timeout, a response cut off); the collection stops there.</summary>
    Unavailable,
}
