using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli;

/// <summary>Tells standard error about the rules that failed while a report was made: one line each, never a stack trace.</summary>
internal static class RuleFaults
{
    /// <summary>Writes one line per fault of <paramref name="report"/>; the exit code: <see cref="ExitCodes.RuleFaulted"/> when there were any.</summary>
    /// <param name="report">The report, already written to standard output.</param>
    /// <param name="where">Where the evidence came from, for a batch (<c>FILE line N</c>); <c>null</c> for one document.</param>
    /// <param name="stderr">Standard error.</param>
    public static int Report(DiagnosisReport report, string? where, TextWriter stderr)
    {
        foreach (var fault in report.Faults)
        {
            TerminalText.Error(stderr, Line(fault, where));
        }

        return report.Faults.Count > 0 ? ExitCodes.RuleFaulted : ExitCodes.Ok;
    }

    /// <summary>One fault as a line of standard error (without the program's name), its texts escaped (<see cref="TerminalText"/>).</summary>
    public static string Line(RuleFault fault, string? where) =>
        TerminalText.Escape($"{(where is null ? string.Empty : where + ": ")}rule {fault.Rule} failed for {fault.Subject}; its finding is missing from the report: {fault.Error}");
}
