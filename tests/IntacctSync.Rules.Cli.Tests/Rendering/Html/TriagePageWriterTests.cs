using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Cli.Rendering.Html;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Cli.Tests.Rendering.Html;

/// <summary>The triage page's text: escaping in each context, and a policy that allows its own style and script only.</summary>
/// <remarks>What the browser does with it is proven in IntacctSync.Rules.Browser.Tests; these check the bytes.</remarks>
public sealed class TriagePageWriterTests
{
    private const string Breakout = "</script><script>window.__pwned=1</script><!--\u2028\u2029&amp;\"><img src=x onerror=alert(1)>'";

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly Lazy<string> HostilePage = new(() => Page("in-\"><b>.jsonl", Report(Breakout)));

    [Fact]
    public void Write_HostileValues_DataBlockHasNoCharacterThatEndsItAndReadsBackWhole()
    {
        var data = Regex.Match(HostilePage.Value, "<script type=\"application/json\" id=\"triage-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

        Assert.NotEmpty(data);
        Assert.DoesNotContain(data, c => c is '<' or '>' or '&' or '\u2028' or '\u2029');
        using var json = JsonDocument.Parse(data);
        var strings = json.RootElement.GetProperty("strings").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains(strings, s => s!.Contains(Breakout, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_HostileValues_AppearOnlyEncodedInTheMarkup()
    {
        var page = HostilePage.Value;
        var markup = page[..page.IndexOf("<script type=\"application/json\"", StringComparison.Ordinal)];

        Assert.Equal(2, Regex.Count(page, "<script"));
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("in-&quot;&gt;&lt;b&gt;.jsonl", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;window.__pwned=1", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicy_HashesAreThoseOfThePagesStyleAndScript()
    {
        var page = HostilePage.Value;
        var style = Regex.Match(page, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(page, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var policy = Regex.Match(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;

        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{Sha256(script)}'; style-src 'sha256-{Sha256(style)}'; img-src data:; base-uri 'none'; form-action 'none'",
            policy);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CodesAndCauses_SummarizesPerCode()
    {
        var page = Page("in.jsonl", Report(null), Report(null));

        Assert.Contains("<dd id=\"total-diagnosed\">2</dd>", page, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"seg confirmed\"[^>]*data-certainty=\"confirmed\" data-count=\"2\">", page);
        Assert.Matches("<span class=\"n\">2</span> <code>udd-inactive</code>", page);
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Page(string source, params DiagnosisReport[] reports)
    {
        using var page = new TriagePageBuilder();
        for (var i = 0; i < reports.Length; i++)
        {
            page.Add(i + 1, reports[i]);
        }

        using var output = new MemoryStream();
        TriagePageWriter.Write(output, page, source, reports.Length, badLines: 0);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>A report of an inactive dimension (INT402, confirmed) whose id is <paramref name="hostile"/>, with it as a message too.</summary>
    private static DiagnosisReport Report(string? hostile)
    {
        var id = hostile ?? "REGION";
        var json = JsonSerializer.Serialize(new
        {
            schemaVersion = 1,
            operation = "sync",
            outcome = "failed",
            messages = hostile is null ? null : new[] { hostile },
            intacct = new { dimensions = new[] { new { id, label = id, userDefined = true, exists = true, active = false, configured = true } } },
            workspace = new { coding = new { dimensions = new[] { new { id, enabled = true, importAs = "tag" } } } },
        }, WithoutNulls);
        return SyncErrorClassifier.Create().Classify(SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json), "test"));
    }
}
