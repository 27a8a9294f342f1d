namespace IntacctSync.Rules.Diagnoses;

/// <summary>Where a remediation step is carried out.</summary>
public enum StepSystem
{
    /// <summary>In Sage Intacct.</summary>
    SageIntacct,

    /// <summary>In the integration's own app: the workspace, the report, the domain settings.</summary>
    Expensify,

    /// <summary>Elsewhere: contacting support and the like.</summary>
    Other,
}
