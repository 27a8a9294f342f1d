using IntacctSync.Rules.Cli.Rendering;
using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Tests.Rendering;

/// <summary>
/// A report that says it does not cover the whole document (<c>incomplete</c>: the recognition budget ran out, or the
/// diagnoses were capped) says so in the text and markdown reports too, its sentences escaped like any other text;
/// a complete report prints no such section.
/// </summary>
public sealed class IncompleteRenderingTests
{
    private const string Capped = "The report holds the first 10,000 of 12,000 diagnoses, best first.";

    private static DiagnosisReport Report(params string[] incomplete) =>
        new([Diagnosis()], [], incomplete: incomplete);

    private static Diagnosis Diagnosis() => new(
        "INT402",
        ErrorKind.Sync,
        "Sage Intacct couldn't return values for a dimension",
        "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund.",
        new Dictionary<string, string> { ["dimension"] = "Fund" },
        Certainty.Likely,
        [new DiagnosedCause("udd-inactive", "The dimension is inactive.", [])],
        [],
        [new RemediationStep(1, StepSystem.SageIntacct, "Platform Services > Objects > List", "Set Fund active.", "udd-inactive")],
        [],
        ["messages[0] = \"INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund.\""],
        "rules/sync/INT402.json");

    [Fact]
    public void Text_IncompleteReport_ListsWhyUnderItsHeading()
    {
        var text = TextReportWriter.Write(Report(Capped));

        Assert.Contains("\nNot read to the end:\n  - " + Capped + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_IncompleteReport_ListsWhyUnderItsHeading()
    {
        var markdown = MarkdownReportWriter.Write(Report(Capped));

        Assert.Contains("\n## Not read to the end\n\n- ", markdown, StringComparison.Ordinal);
        Assert.Contains("10,000 of 12,000 diagnoses", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAndMarkdown_CompleteReport_PrintNoSuchSection()
    {
        Assert.DoesNotContain("Not read to the end", TextReportWriter.Write(Report()), StringComparison.Ordinal);
        Assert.DoesNotContain("Not read to the end", MarkdownReportWriter.Write(Report()), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IncompleteSentenceWithAnEscape_StaysInert()
    {
        var text = TextReportWriter.Write(Report("cut short\u001B[2J\nintacct-sync: forged"));

        Assert.DoesNotContain('\u001B', text);
        Assert.Contains("\\u001B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nintacct-sync: forged", text, StringComparison.Ordinal);
    }
}
