using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Rendering.Html;

/// <summary>
/// The triage page: one self-contained HTML file with the run's summary, a chart of codes by count, per code the
/// causes established and the evidence most often missing, and a table of documents to filter, search and open.
/// </summary>
/// <remarks>
/// Nothing is loaded from elsewhere. The summary is HTML and reads without script (a mail preview); the table is
/// built by the page's script from a JSON data block, with every value set as text, never parsed as markup. Values
/// written here are HTML-encoded for text and attributes, the data block's JSON escapes <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c> and U+2028/2029, and the Content-Security-Policy allows no source at all but the page's own style
/// and script, by their SHA-256 hashes.
/// </remarks>
internal static class TriagePageWriter
{
    /// <summary>How many causes and missing fields the summary lists per code.</summary>
    private const int TopPerCode = 5;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string Style = Resource("triage.css");
    private static readonly string Script = Resource("triage.js");

    /// <summary>The Content-Security-Policy of every page: the hashes of its one style and one script.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <param name="output">Receives the page, UTF-8.</param>
    /// <param name="page">The reports.</param>
    /// <param name="source">What was read, for the title (a file name, <c>&lt;stdin&gt;</c>).</param>
    /// <param name="documents">Non-blank lines read (reports, bad lines and lines the classifier failed on).</param>
    /// <param name="badLines">Lines skipped: bad input, or the classifier failed on them.</param>
    public static void Write(Stream output, TriagePageBuilder page, string source, long documents, long badLines)
    {
        var c = CultureInfo.InvariantCulture;
        using (var head = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            head.NewLine = "\n";
            head.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            head.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
            head.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n");
            head.Write($"<title>Sage Intacct triage: {Text(source)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
            head.Write("<a class=\"skip\" href=\"#documents\">Skip to the documents</a>\n<header>\n");
            head.Write($"<h1>Sage Intacct triage</h1>\n<p class=\"source\">{Text(source)}</p>\n");
            head.Write("<nav aria-label=\"Sections\"><a href=\"#summary-title\">Summary</a> · <a href=\"#codes-title\">By code</a> · <a href=\"#documents-title\">Documents</a></nav>\n</header>\n<main>\n");
            WriteSummary(head, page, documents, badLines, c);
            WriteCodes(head, page, c);
            head.Write("<section id=\"documents\" aria-labelledby=\"documents-title\">\n<h2 id=\"documents-title\">Documents</h2>\n");
            head.Write("<noscript><p>The table of documents needs JavaScript; the summary above reads without it.</p></noscript>\n");
            head.Write("<div id=\"table-root\"></div>\n</section>\n</main>\n");
            head.Write("<script type=\"application/json\" id=\"triage-data\">");
        }

        page.WriteData(output);
        output.Write(Encoding.UTF8.GetBytes($"</script>\n<script>{Script}</script>\n</body>\n</html>\n"));
    }

    private static void WriteSummary(StreamWriter html, TriagePageBuilder page, long documents, long badLines, CultureInfo c)
    {
        html.Write("<section aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<dl class=\"totals\">\n");
        html.Write(string.Create(c, $"<div><dt>Documents</dt><dd id=\"total-documents\">{documents:N0}</dd></div>\n"));
        html.Write(string.Create(c, $"<div><dt>Reports with diagnoses</dt><dd id=\"total-diagnosed\">{page.WithDiagnoses:N0}</dd></div>\n"));
        html.Write(string.Create(c, $"<div><dt>Reports without a diagnosis</dt><dd id=\"total-healthy\">{page.Reports - page.WithDiagnoses:N0}</dd></div>\n"));
        html.Write(string.Create(c, $"<div><dt>Bad lines skipped</dt><dd id=\"total-bad\">{badLines:N0}</dd></div>\n</dl>\n"));
        if (page.Codes.Count == 0)
        {
            html.Write("<p>No diagnosis in these reports.</p>\n</section>\n");
            return;
        }

        html.Write("<h3 id=\"chart-title\">Diagnoses by code and certainty</h3>\n");
        TriageChart.Write(html, page.Codes.Select(p => (p.Key, p.Value)).ToList());
        html.Write("<table class=\"counts\" id=\"counts\">\n<caption>Diagnoses per code</caption>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Title</th>");
        html.Write("<th scope=\"col\" class=\"num\">Confirmed</th><th scope=\"col\" class=\"num\">Likely</th><th scope=\"col\" class=\"num\">Possible</th><th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n");
        foreach (var (code, tally) in page.Codes.OrderByDescending(p => p.Value.Total).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            html.Write($"<tr data-code=\"{Text(code)}\"><th scope=\"row\"><a href=\"#code-{Anchor(code)}\">{Text(code)}</a></th><td>{Text(tally.Title)}</td>");
            foreach (var n in tally.ByCertainty)
            {
                html.Write(string.Create(c, $"<td class=\"num\">{n:N0}</td>"));
            }

            html.Write(string.Create(c, $"<td class=\"num\">{tally.Total:N0}</td></tr>\n"));
        }

        html.Write("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteCodes(StreamWriter html, TriagePageBuilder page, CultureInfo c)
    {
        if (page.Codes.Count == 0)
        {
            return;
        }

        html.Write("<section aria-labelledby=\"codes-title\">\n<h2 id=\"codes-title\">By code: causes and what to collect next</h2>\n");
        foreach (var (code, tally) in page.Codes.OrderByDescending(p => p.Value.Total).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            html.Write($"<article class=\"code\" id=\"code-{Anchor(code)}\" aria-labelledby=\"code-{Anchor(code)}-title\">\n");
            html.Write(string.Create(c, $"<h3 id=\"code-{Anchor(code)}-title\">{Text(code)}: {Text(tally.Title)} <span class=\"count\">({tally.Total:N0})</span></h3>\n"));
            html.Write("<h4>Causes established</h4>\n");
            if (tally.Established.Distinct == 0)
            {
                html.Write("<p class=\"none\">None established: no diagnosis of this code is confirmed.</p>\n");
            }
            else
            {
                html.Write("<ul class=\"tally\">\n");
                foreach (var (id, count, example) in tally.Established.Top(TopPerCode))
                {
                    html.Write(string.Create(c, $"<li><span class=\"n\">{count:N0}</span> <code>{Text(id)}</code> <span class=\"eg\">e.g. {Text(example)}</span></li>\n"));
                }

                html.Write(MoreLine(tally.Established.Distinct, "causes", c));
                html.Write("</ul>\n");
            }

            html.Write("<h4>Evidence most often missing (collect next)</h4>\n");
            if (tally.Missing.Distinct == 0)
            {
                html.Write("<p class=\"none\">Nothing missing: the evidence settles every cause.</p>\n");
            }
            else
            {
                html.Write("<ul class=\"tally\">\n");
                foreach (var (field, count, why) in tally.Missing.Top(TopPerCode))
                {
                    html.Write(string.Create(c, $"<li><span class=\"n\">{count:N0}</span> <code>{Text(field)}</code> <span class=\"eg\">{Text(why)}</span></li>\n"));
                }

                html.Write(MoreLine(tally.Missing.Distinct, "fields", c));
                html.Write("</ul>\n");
            }

            html.Write("</article>\n");
        }

        html.Write("</section>\n");
    }

    private static string MoreLine(int distinct, string what, CultureInfo c) =>
        distinct > TopPerCode ? string.Create(c, $"<li class=\"more\">and {distinct - TopPerCode:N0} more {what}</li>\n") : string.Empty;

    /// <summary>HTML-encoded for text and for a quoted attribute value.</summary>
    internal static string Text(string value) => Html.Encode(value);

    /// <summary>A fragment id for a code: its letters and digits, the rest as <c>_XXXX</c> (unique, and safe in any attribute).</summary>
    internal static string Anchor(string code)
    {
        var id = new StringBuilder(code.Length);
        foreach (var ch in code)
        {
            id.Append(char.IsAsciiLetterOrDigit(ch) ? ch.ToString() : string.Create(CultureInfo.InvariantCulture, $"_{(int)ch:X4}"));
        }

        return id.ToString();
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static string Resource(string name)
    {
        using var stream = typeof(TriagePageWriter).Assembly.GetManifestResourceStream("IntacctSync.Rules.Cli.Rendering.Html." + name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // One line ending whatever the checkout did: the hash is of exactly what the page holds.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The certainty names, as the page's filter and chart show them.</summary>
    internal static readonly string[] CertaintyNames = [.. Enum.GetValues<Certainty>().Select(StepText.CertaintyName)];
}
