using System.Text.Json;
using Deque.AxeCore.Commons;
using Xunit.Abstractions;

namespace IntacctSync.Rules.Browser.Tests;

/// <summary>The triage page under axe-core's WCAG rules (headings, landmarks, table semantics, names, contrast) in both colour schemes.</summary>
/// <remarks>
/// axe-core is evaluated in the page itself (the page's policy does not apply to the test's own evaluation). Not
/// through Deque.AxeCore.Playwright, whose run opens and closes a page of its own: with --single-process that ends
/// the shared browser. On a page of a few cases: axe's checks take seconds per hundred rows in a software-rendered browser.
/// </remarks>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly Lazy<string> Axe = new(() => new BundledAxeScriptProvider().GetScript());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Page_WithARowOpened_HasNoAxeViolation(bool darkScheme)
    {
        var sample = browser.Sample.Value;
        await using var tab = await browser.OpenAsync(sample.Path, darkScheme);
        var document = sample.Documents.First(d => d.Diagnoses.Count > 0 && d.Diagnoses[0].Certainty == "confirmed");
        await tab.Page.Locator($"#docs tr[data-line='{document.Line}'] button.open").ClickAsync();

        await tab.Page.EvaluateAsync(Axe.Value);
        var result = await tab.Page.EvaluateAsync<JsonElement>("""
            async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return { passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
                v.nodes.slice(0, 3).map(n => n.html + ' ' + n.failureSummary).join(' | ')) }; }
            """);

        var violations = string.Join("\n", result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        output.WriteLine(violations);
        Assert.True(result.GetProperty("passes").GetInt32() > 10, "axe-core passed almost no check: did it run on the page?");
        Assert.Equal("", violations);
    }
}
