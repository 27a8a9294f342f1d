using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// A format 2 cause's <c>establishedOnlyIf</c>: what must also be true before its <c>when</c> may establish it. It never
/// rules the cause out, an established cause cites its facts too, and a possible cause asks for them while unknown.
/// </summary>
public sealed class EstablishedOnlyIfTests
{
    // INT998 is not a built-in code. The mapping decides the cause both ways; that billable is on only lets it be proven.
    private const string Rule = """
        {
          "format": 2,
          "code": "INT998",
          "kind": "export",
          "phase": "export",
          "title": "An establishedOnlyIf test rule",
          "message": { "template": "INT998 Export Error: the test rule." },
          "subject": "document",
          "why": {
            "workspace.coding.billableMapped": "Whether billable expenses are mapped.",
            "workspace.coding.billableEnabled": "Whether billable expenses are on."
          },
          "causes": [
            {
              "id": "unmapped",
              "summary": "Billable expenses are not mapped.",
              "when": "workspace.coding.billableMapped == false",
              "establishedOnlyIf": "workspace.coding.billableEnabled == true"
            }
          ],
          "steps": [ { "cause": "unmapped", "system": "expensify", "path": "Coding", "action": "Map billable." } ]
        }
        """;

    [Theory]
    [InlineData("\"billableMapped\": false, \"billableEnabled\": true", "established", "workspace.coding.billableMapped = false|workspace.coding.billableEnabled = true", "")]
    [InlineData("\"billableMapped\": false, \"billableEnabled\": false", "possible", "", "")]
    [InlineData("\"billableMapped\": false", "possible", "", "workspace.coding.billableEnabled")]
    [InlineData("\"billableMapped\": true, \"billableEnabled\": false", "ruled-out", "workspace.coding.billableMapped = true", "")]
    [InlineData("\"billableMapped\": true", "ruled-out", "workspace.coding.billableMapped = true", "")]
    [InlineData("\"billableEnabled\": true", "possible", "", "workspace.coding.billableMapped")]
    [InlineData("", "possible", "", "workspace.coding.billableMapped|workspace.coding.billableEnabled")]
    public void TheWhenDecides_TheGateOnlyHoldsBackAnEstablishment(string coding, string expected, string cited, string missing)
    {
        var diagnosis = Assert.Single(Classify(coding).Diagnoses, d => d.Code == "INT998");

        var cause = Assert.Single(expected == "ruled-out" ? diagnosis.RuledOut : diagnosis.Causes);
        Assert.Equal("unmapped", cause.Id);
        Assert.Equal(expected == "established" ? IntacctSync.Rules.Diagnoses.Certainty.Confirmed : IntacctSync.Rules.Diagnoses.Certainty.Likely, diagnosis.Certainty);
        Assert.Equal(cited.Length == 0 ? [] : cited.Split('|'), cause.Facts);
        Assert.Equal(missing.Length == 0 ? [] : missing.Split('|'), diagnosis.MissingEvidence.Select(m => m.Field));
    }

    [Fact]
    public void Format1_RefusesIt()
    {
        var json = RuleFiles.With("\"facts\": []", "\"facts\": [] } ], \"establishedOnlyIf\": \"e.SignInFailed\", \"excludedWhen\": [ { \"when\": \"false\", \"facts\": []");

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.Contains("establishedOnlyIf", StringComparison.Ordinal) && p.Message.Contains("\"format\": 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"workspace.coding.billableEnabled == true\"", "\"  \"", "establishedOnlyIf needs a condition")]
    [InlineData("\"workspace.coding.billableEnabled == true\"", "\"workspace.coding.billableEnabled ==\"", "does not compile")]
    public void Mistakes_AreLoadProblems(string find, string replace, string message)
    {
        var json = Rule.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Rule, json);

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.StartsWith("$.causes[0].establishedOnlyIf: ", StringComparison.Ordinal) && p.Message.Contains(message, StringComparison.Ordinal));
    }

    private static IntacctSync.Rules.Diagnoses.DiagnosisReport Classify(string coding)
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("test/INT998.json", () => new MemoryStream(Encoding.UTF8.GetBytes(Rule))));
        var evidence = SyncEvidenceJson.Read(
            Encoding.UTF8.GetBytes($$"""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT998 Export Error: the test rule."], "workspace": { "coding": { {{coding}} } } }"""),
            "test.json");
        return SyncErrorClassifier.Create(options).Classify(evidence);
    }
}
