namespace IntacctSync.Rules.Cli;

/// <summary>The exit codes of the contract (DIAGNOSIS.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command ran; a report with no diagnosis is still a success.</summary>
    public const int Ok = 0;

    /// <summary>Wrong usage.</summary>
    public const int Usage = 1;

    /// <summary>The input cannot be read.</summary>
    public const int BadInput = 2;

    /// <summary>A rule file is invalid.</summary>
    public const int BadRules = 3;

    /// <summary><c>rules test</c> only: a case's report is new or differs from its verified snapshot.</summary>
    public const int CasesFailed = 4;

    /// <summary>The report was written, but a rule failed for some subject (the report's <c>faults</c>).</summary>
    public const int RuleFaulted = 5;

    /// <summary><c>rules migrate</c> only: a rule file was left in format 1 (each reason is listed).</summary>
    public const int NotMigrated = 6;

    /// <summary>An internal error (a bug): one line on standard error, the stack trace only with <c>--verbose</c>.</summary>
    public const int Internal = 70;
}
