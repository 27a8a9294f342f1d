namespace IntacctSync.Rules.Diagnoses;

/// <summary>Writes a <see cref="DiagnosisReport"/> as the contract's JSON (camelCase, indented).</summary>
/// <remarks>Thread-safe.</remarks>
public static class DiagnosisReportJson
{
    /// <summary>Writes the report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, indented, with <c>\n</c> line ends.</returns>
    public static string Write(DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportJsonWriter.WriteString(report, indented: true);
    }

    /// <summary>Writes the report as UTF-8 JSON to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="indented">Whether to indent (one line per report otherwise, as in batch output).</param>
    public static void Write(DiagnosisReport report, Stream utf8Json, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(utf8Json);
        ReportJsonWriter.WriteTo(report, utf8Json, indented);
    }
}
