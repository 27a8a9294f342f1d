using System.Text;
using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Rendering;

/// <summary>The report as Markdown, for a ticket or a chat.</summary>
/// <remarks>
/// Every value from the report is escaped for the terminal first (<see cref="TerminalText"/>: control characters,
/// bidi overrides and newlines as <c>\uXXXX</c>), so a value can neither act on the terminal that shows the
/// Markdown nor start a heading or list item of its own; then <c>|</c> and <c>*</c> are escaped for Markdown.
/// </remarks>
internal static class MarkdownReportWriter
{
    public static string Write(DiagnosisReport report)
    {
        var md = new StringBuilder("# Sage Intacct diagnosis\n");
        if (report.Diagnoses.Count == 0)
        {
            md.Append("\nNo failure in this evidence: nothing to diagnose.\n");
        }

        foreach (var d in report.Diagnoses)
        {
            md.Append($"\n## {Escape(d.Code)}: {Escape(d.Title)}\n\n");
            md.Append($"*{StepText.KindName(d.Kind)}, {StepText.CertaintyName(d.Certainty)}* — {Escape(d.Message)}\n");
            var confirmed = d.Certainty == Certainty.Confirmed;
            if (d.Evidence.Count > 0)
            {
                md.Append("\n### Seen\n\n");
                foreach (var fact in d.Evidence)
                {
                    md.Append($"- {Code(fact)}\n");
                }
            }

            // No heading over nothing: when every cause is ruled out, the ruled-out list says why.
            if (d.Causes.Count > 0)
            {
                md.Append(confirmed ? "\n### What the evidence proves\n\n" : "\n### What may cause it (not yet proven)\n\n");
            }

            foreach (var cause in d.Causes)
            {
                md.Append($"- {Escape(cause.Summary)}\n");
                foreach (var fact in confirmed ? cause.Facts : [])
                {
                    md.Append($"  - {Code(fact)}\n");
                }
            }

            if (d.RuledOut.Count > 0)
            {
                md.Append("\n### Ruled out\n\n");
                foreach (var cause in d.RuledOut)
                {
                    md.Append($"- {Escape(cause.Summary)}\n");
                }
            }

            if (d.Steps.Count > 0)
            {
                md.Append("\n### What to do\n\n");
                foreach (var step in d.Steps)
                {
                    md.Append($"{step.Order}. **{StepText.SystemName(step.System)}** — {Escape(step.Path)}: {Escape(step.Action)}\n");
                }
            }

            if (d.MissingEvidence.Count > 0)
            {
                md.Append("\n### Evidence still missing\n\n");
                foreach (var missing in d.MissingEvidence)
                {
                    md.Append($"- {Code(missing.Field)} — {Escape(missing.Why)}\n");
                }
            }

            md.Append($"\nRule: {Code(d.Rule)}\n");
        }

        if (report.Unexplained.Count > 0)
        {
            md.Append("\n## Not explained by any rule\n\n");
            foreach (var item in report.Unexplained)
            {
                md.Append($"- {Escape(item)}\n");
            }
        }

        if (report.Faults.Count > 0)
        {
            md.Append("\n## Rules that failed (their findings are missing)\n\n");
            foreach (var fault in report.Faults)
            {
                md.Append($"- {Code(fault.Rule)} for {Escape(fault.Subject)}: {Escape(fault.Error)}\n");
            }
        }

        if (report.Incomplete.Count > 0)
        {
            md.Append("\n## Not read to the end\n\n");
            foreach (var item in report.Incomplete)
            {
                md.Append($"- {Escape(item)}\n");
            }
        }

        return md.ToString();
    }

    private static string Code(string text) => "`" + TerminalText.Escape(text).Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Escape(string text) => TerminalText.Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
