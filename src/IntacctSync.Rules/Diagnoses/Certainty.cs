namespace IntacctSync.Rules.Diagnoses;

/// <summary>How sure a diagnosis is; reports list the surer first.</summary>
public enum Certainty
{
    /// <summary>Structured evidence or an unambiguous API error establishes at least one cause.</summary>
    Confirmed,

    /// <summary>The code's own message, or an API error that points at the code, was seen; no cause is established.</summary>
    Likely,

    /// <summary>The job failed, a cause of the code is still open, and an observed fact points at it.</summary>
    Possible,
}
