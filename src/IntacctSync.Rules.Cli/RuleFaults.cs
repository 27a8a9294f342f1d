using System.Globalization;
using System.Text;
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
            stderr.WriteLine("intacct-sync: " + Line(fault, where));
        }

        return report.Faults.Count > 0 ? ExitCodes.RuleFaulted : ExitCodes.Ok;
    }

    /// <summary>One fault as a line of standard error (without the program's name).</summary>
    public static string Line(RuleFault fault, string? where) =>
        $"{(where is null ? string.Empty : where + ": ")}rule {OneLine(fault.Rule)} failed for {OneLine(fault.Subject)}; its finding is missing from the report: {OneLine(fault.Error)}";

    /// <summary>A text from a rule or the evidence kept on one line: control characters written as <c>\uXXXX</c>.</summary>
    public static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : line.Append(c);
        }

        return line.ToString();
    }
}
