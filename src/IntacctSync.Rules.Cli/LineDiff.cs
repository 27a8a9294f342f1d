using System.Text;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// A line diff for snapshot mismatches: the lines only in the verified text (<c>- </c>) and only in the
/// received one (<c>+ </c>), each run headed by its line number. Common prefix and suffix are trimmed and
/// the middle is aligned by longest common subsequence; reports are small, so quadratic is fine.
/// </summary>
internal static class LineDiff
{
    private const int MaxAligned = 3000;

    public static string Describe(string verified, string received)
    {
        var a = verified.Split('\n');
        var b = received.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var text = new StringBuilder();
        var (i, j) = (start, start);
        var lastWasChange = false;
        foreach (var (kind, line) in Align(a[start..endA], b[start..endB]))
        {
            if (kind == ' ')
            {
                i++;
                j++;
                lastWasChange = false;
                continue;
            }

            if (!lastWasChange)
            {
                text.Append("@@ verified line ").Append(i + 1).Append(", received line ").Append(j + 1).Append('\n');
            }

            text.Append(kind).Append(' ').Append(line).Append('\n');
            (i, j) = kind == '-' ? (i + 1, j) : (i, j + 1);
            lastWasChange = true;
        }

        return text.ToString();
    }

    private static IEnumerable<(char Kind, string Line)> Align(string[] a, string[] b)
    {
        if (a.Length > MaxAligned || b.Length > MaxAligned)
        {
            return a.Select(l => ('-', l)).Concat(b.Select(l => ('+', l)));
        }

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var result = new List<(char, string)>();
        var (x, y) = (0, 0);
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                result.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                result.Add(('-', a[x++]));
            }
            else
            {
                result.Add(('+', b[y++]));
            }
        }

        return result;
    }
}
