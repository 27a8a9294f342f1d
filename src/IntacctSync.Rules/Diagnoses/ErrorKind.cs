namespace IntacctSync.Rules.Diagnoses;

/// <summary>The category of a documented error code.</summary>
public enum ErrorKind
{
    /// <summary>Raised while syncing (importing from Sage Intacct).</summary>
    Sync,

    /// <summary>Raised while exporting a report.</summary>
    Export,

    /// <summary>The sign-in or session failed.</summary>
    Authentication,

    /// <summary>The connection's configuration is invalid.</summary>
    Connection,
}
