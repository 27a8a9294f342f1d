using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// What INT402 decided for one dimension: its certainty and each cause's verdict, in the rule file's
/// cause order (<c>E</c> established, <c>X</c> excluded, <c>P</c> possible). The three classifiers are
/// compared on these, so the benchmark races implementations that agree.
/// </summary>
internal sealed record Int402Decision(string Dimension, Certainty Certainty, string Verdicts)
{
    public const string Code = "INT402";

    /// <summary>INT402's causes in the order of rules/sync/INT402.json.</summary>
    public static readonly string[] CauseIds =
    [
        "udd-not-configured", "udd-inactive", "user-cannot-read-udd", "udd-not-set-up-in-intacct", "workspace-entry-misconfigured",
    ];

    public override string ToString() => $"{Dimension}: {Certainty} {Verdicts}";

    /// <summary>The INT402 decisions a library report holds.</summary>
    public static List<Int402Decision> FromReport(DiagnosisReport report)
    {
        var decisions = new List<Int402Decision>();
        foreach (var diagnosis in report.Diagnoses)
        {
            if (diagnosis.Code != Code)
            {
                continue;
            }

            var verdicts = new char[CauseIds.Length];
            for (var i = 0; i < CauseIds.Length; i++)
            {
                var id = CauseIds[i];
                verdicts[i] = diagnosis.RuledOut.Any(c => c.Id == id) ? 'X'
                    : diagnosis.Certainty == Certainty.Confirmed && diagnosis.Causes.Any(c => c.Id == id) ? 'E'
                    : 'P';
            }

            decisions.Add(new Int402Decision(diagnosis.Subject.GetValueOrDefault("dimension") ?? string.Empty, diagnosis.Certainty, new string(verdicts)));
        }

        return decisions;
    }

    /// <summary>Throws unless both lists hold the same decisions (in any order).</summary>
    public static void AssertSame(string document, string expectedBy, IEnumerable<Int402Decision> expected, string actualBy, IEnumerable<Int402Decision> actual)
    {
        var e = expected.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray();
        var a = actual.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{actualBy} decides {document} differently from {expectedBy}; the comparison would not be honest.{Environment.NewLine}" +
                $"  {expectedBy}: [{string.Join("; ", e)}]{Environment.NewLine}  {actualBy}: [{string.Join("; ", a)}]");
        }
    }
}
