using System.Globalization;

namespace IntacctSync.Rules.Cli.Rendering.Html;

/// <summary>The summary's inline SVG: one horizontal bar per code, its length the code's diagnoses, split by certainty.</summary>
/// <remarks>
/// Each segment carries its numbers (<c>data-code</c>, <c>data-certainty</c>, <c>data-count</c>) and a
/// <c>&lt;title&gt;</c> for a pointer; for a screen reader the chart is one labelled image, and the table after it
/// holds the same numbers. Colours come from the stylesheet's classes, so both colour schemes apply.
/// </remarks>
internal static class TriageChart
{
    private const int LabelWidth = 120;
    private const int BarArea = 560;
    private const int CountWidth = 80;
    private const int Row = 26;
    private const int BarHeight = 18;

    public static void Write(TextWriter svg, IReadOnlyList<(string Code, CodeTally Tally)> codes)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = codes.OrderByDescending(r => r.Tally.Total).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var max = Math.Max(1, rows.Max(r => r.Tally.Total));
        var width = LabelWidth + BarArea + CountWidth;
        var height = (rows.Count * Row) + Row + 8;
        svg.Write(string.Create(c, $"<figure class=\"chart\">\n<svg id=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" data-max=\"{max}\" data-scale=\"{BarArea}\">\n"));
        svg.Write(string.Create(c, $"<desc id=\"chart-desc\">{rows.Count} codes; the longest bar is {max:N0} diagnoses. The table below gives every number.</desc>\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (code, tally) = rows[i];
            // The legend takes the first row, where it is seen before the bars.
            var y = (i + 1) * Row;
            svg.Write(string.Create(c, $"<g class=\"bar\" data-code=\"{TriagePageWriter.Text(code)}\" data-total=\"{tally.Total}\">\n"));
            svg.Write(string.Create(c, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{TriagePageWriter.Text(code)}</text>\n"));
            double x = LabelWidth;
            for (var certainty = 0; certainty < 3; certainty++)
            {
                var n = tally.ByCertainty[certainty];
                if (n == 0)
                {
                    continue;
                }

                var w = (double)n / max * BarArea;
                var name = TriagePageWriter.CertaintyNames[certainty];
                svg.Write(string.Create(c, $"<rect class=\"seg {name}\" x=\"{x:0.##}\" y=\"{y + 2}\" width=\"{w:0.##}\" height=\"{BarHeight}\" data-certainty=\"{name}\" data-count=\"{n}\"><title>{TriagePageWriter.Text(code)}: {n:N0} {name}</title></rect>\n"));
                x += w;
            }

            svg.Write(string.Create(c, $"<text class=\"total\" x=\"{x + 6:0.##}\" y=\"{y + 14}\">{tally.Total:N0}</text>\n</g>\n"));
        }

        const int legendY = 4;
        double lx = LabelWidth;
        foreach (var name in TriagePageWriter.CertaintyNames)
        {
            svg.Write(string.Create(c, $"<rect class=\"seg {name}\" x=\"{lx}\" y=\"{legendY}\" width=\"12\" height=\"12\"/><text class=\"legend\" x=\"{lx + 16}\" y=\"{legendY + 11}\">{name}</text>\n"));
            lx += 110;
        }

        svg.Write("</svg>\n</figure>\n");
    }
}
