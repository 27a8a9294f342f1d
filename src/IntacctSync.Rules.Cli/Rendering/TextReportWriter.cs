using System.Text;
using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Rendering;

/// <summary>The report for a support engineer at a terminal: the code, what the evidence proves and why, the numbered plan.</summary>
/// <remarks>
/// Every value from the report is escaped (<see cref="TerminalText"/>): a control sequence, a bidi override or a
/// newline inside a message is shown as <c>\uXXXX</c>, never acted on, and cannot start a line that looks like
/// the report's own structure. The report's own lines are the only newlines.
/// </remarks>
internal static class TextReportWriter
{
    public static string Write(DiagnosisReport report)
    {
        var text = new StringBuilder();
        if (report.Diagnoses.Count == 0)
        {
            text.Append("No failure in this evidence: nothing to diagnose.\n");
        }

        for (var i = 0; i < report.Diagnoses.Count; i++)
        {
            var d = report.Diagnoses[i];
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append($"{E(d.Code)} ({StepText.KindName(d.Kind)}, {StepText.CertaintyName(d.Certainty)}): {E(d.Title)}\n");
            text.Append($"  {E(d.Message)}\n");
            var confirmed = d.Certainty == Certainty.Confirmed;
            if (d.Evidence.Count > 0)
            {
                text.Append("\nSeen:\n");
                foreach (var fact in d.Evidence)
                {
                    text.Append($"  {E(fact)}\n");
                }
            }

            // No heading over nothing: when every cause is ruled out, the ruled-out list says why.
            if (d.Causes.Count > 0)
            {
                text.Append(confirmed ? "\nWhat the evidence proves:\n" : "\nWhat may cause it (not yet proven):\n");
            }

            foreach (var cause in d.Causes)
            {
                text.Append($"  - {E(cause.Summary)}\n");
                foreach (var fact in confirmed ? cause.Facts : [])
                {
                    text.Append($"      because {E(fact)}\n");
                }
            }

            if (d.RuledOut.Count > 0)
            {
                text.Append("\nRuled out:\n");
                foreach (var cause in d.RuledOut)
                {
                    text.Append($"  - {E(cause.Summary)}\n");
                    foreach (var fact in cause.Facts)
                    {
                        text.Append($"      because {E(fact)}\n");
                    }
                }
            }

            if (d.Steps.Count > 0)
            {
                text.Append("\nWhat to do, in order:\n");
                foreach (var step in d.Steps)
                {
                    text.Append($"  {step.Order}. [{StepText.SystemName(step.System)}] {E(step.Path)}\n");
                    text.Append($"     {E(step.Action)}\n");
                }
            }

            if (d.MissingEvidence.Count > 0)
            {
                text.Append("\nEvidence still missing:\n");
                foreach (var missing in d.MissingEvidence)
                {
                    text.Append($"  - {E(missing.Field)}: {E(missing.Why)}\n");
                }
            }

            text.Append($"\nRule: {E(d.Rule)}\n");
        }

        if (report.Unexplained.Count > 0)
        {
            text.Append("\nNot explained by any rule:\n");
            foreach (var item in report.Unexplained)
            {
                text.Append($"  - {E(item)}\n");
            }
        }

        if (report.Faults.Count > 0)
        {
            text.Append("\nRules that failed (their findings are missing from this report):\n");
            foreach (var fault in report.Faults)
            {
                text.Append($"  - {E(fault.Rule)} for {E(fault.Subject)}: {E(fault.Error)}\n");
            }
        }

        if (report.Incomplete.Count > 0)
        {
            text.Append("\nNot read to the end:\n");
            foreach (var item in report.Incomplete)
            {
                text.Append($"  - {E(item)}\n");
            }
        }

        return text.ToString();
    }

    private static string E(string? text) => TerminalText.Escape(text);
}
