using System.Globalization;
using System.Text;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>What a batch run read and wrote; only the writer updates it, after the pipeline has put lines back in order.</summary>
internal sealed class BatchSummary
{
    /// <summary>How many bad line numbers the closing summary lists before it only counts them.</summary>
    public const int ListedBadLines = 20;

    private readonly SortedDictionary<string, int> _perCode = new(StringComparer.Ordinal);

    /// <summary>Non-blank lines read: each is a report, a bad line or a line the classifier failed on.</summary>
    public long Documents { get; set; }

    public long Reports { get; private set; }

    public long WithoutDiagnosis { get; private set; }

    public long BlankLines { get; set; }

    /// <summary>The first bad lines' numbers, in input order (only these are kept, so memory stays constant).</summary>
    public List<long> FirstBadLines { get; } = [];

    public long BadLines { get; private set; }

    public IReadOnlyDictionary<string, int> DiagnosesPerCode => _perCode;

    public void Bad(long line)
    {
        BadLines++;
        if (FirstBadLines.Count < ListedBadLines)
        {
            FirstBadLines.Add(line);
        }
    }

    /// <summary>The first lines the classifier failed on, in input order.</summary>
    public List<long> FirstFailedLines { get; } = [];

    /// <summary>Lines skipped because the classifier failed on them (an exception: a bug, not bad input).</summary>
    public long FailedLines { get; private set; }

    public void Failed(long line)
    {
        FailedLines++;
        if (FirstFailedLines.Count < ListedBadLines)
        {
            FirstFailedLines.Add(line);
        }
    }

    /// <summary>Reports written although a rule failed for some subject (their <c>faults</c>).</summary>
    public long FaultedReports { get; private set; }

    public void Faulted() => FaultedReports++;

    public void Count(string[] codes)
    {
        Reports++;
        if (codes.Length == 0)
        {
            WithoutDiagnosis++;
        }

        foreach (var code in codes)
        {
            _perCode[code] = _perCode.GetValueOrDefault(code) + 1;
        }
    }

    /// <summary>The closing summary, for standard error.</summary>
    /// <remarks>The source and the codes are escaped (<see cref="TerminalText"/>): no value can start a line of its own.</remarks>
    public string Render(string source)
    {
        source = TerminalText.Escape(source);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"intacct-sync: batch {source}: {Documents} documents read, {Reports} reports written, {BadLines} bad lines skipped");
        text.Append(FailedLines > 0 ? string.Create(c, $", {FailedLines} lines failed in the classifier") : string.Empty);
        text.Append(BlankLines > 0 ? string.Create(c, $", {BlankLines} blank lines ignored\n") : "\n");
        text.Append(c, $"  reports without a diagnosis: {WithoutDiagnosis}\n");
        if (FaultedReports > 0)
        {
            text.Append(c, $"  reports in which a rule failed (see faults): {FaultedReports}\n");
        }

        if (_perCode.Count > 0)
        {
            text.Append("  diagnoses per code:\n");
            foreach (var (code, count) in _perCode)
            {
                text.Append(c, $"    {TerminalText.Escape(code),-13} {count,9}\n");
            }
        }

        AppendLines(text, "  bad lines: ", FirstBadLines, BadLines);
        AppendLines(text, "  lines the classifier failed on (a bug: please report them): ", FirstFailedLines, FailedLines);
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, string label, List<long> first, long count)
    {
        if (count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        text.Append(label);
        text.AppendJoin(", ", first.Select(n => n.ToString(c)));
        if (count > first.Count)
        {
            text.Append(c, $" and {count - first.Count} more");
        }

        text.Append('\n');
    }
}
