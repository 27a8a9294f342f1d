using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// The rule format 2: one three-valued <c>when</c> per cause, facts named by contract path, and what a verdict cites
/// and a possible cause asks for worked out by the engine from the facts the condition reads.
/// </summary>
public sealed class Format2Tests
{
    // A rule about two workspace settings; INT999 is not a built-in code.
    private const string Rule = """
        {
          "format": 2,
          "code": "INT999",
          "kind": "export",
          "phase": "export",
          "title": "A format 2 test rule",
          "message": { "template": "INT999 Export Error: the test rule." },
          "subject": "document",
          "indicatedWhen": "e.Failed",
          "why": {
            "workspace.coding.billableEnabled": "Whether billable expenses are on.",
            "workspace.coding.billableMapped": "Whether billable expenses are mapped."
          },
          "causes": [
            {
              "id": "enabled-unmapped",
              "summary": "Billable is on but not mapped.",
              "when": "workspace.Coding.BillableMapped == false && workspace.coding.billableEnabled == true"
            }
          ],
          "steps": [ { "cause": "enabled-unmapped", "system": "expensify", "path": "Coding", "action": "Map billable." } ]
        }
        """;

    [Theory]
    [InlineData("\"billableEnabled\": true, \"billableMapped\": false", "enabled-unmapped", "workspace.coding.billableMapped = false|workspace.coding.billableEnabled = true")]
    [InlineData("\"billableEnabled\": false, \"billableMapped\": true", "ruled-out", "workspace.coding.billableMapped = true")]
    [InlineData("\"billableEnabled\": false", "ruled-out", "workspace.coding.billableEnabled = false")]
    public void Verdict_CitesTheKnownFactsThatDecidedIt_ForAndFalseTheFirstFalseOperands(string coding, string expected, string cited)
    {
        var diagnosis = Assert.Single(Classify(coding).Diagnoses, d => d.Code == "INT999");

        var cause = expected == "ruled-out" ? Assert.Single(diagnosis.RuledOut) : Assert.Single(diagnosis.Causes);
        Assert.Equal("enabled-unmapped", cause.Id);
        Assert.Equal(cited.Split("|"), cause.Facts);
        Assert.Empty(diagnosis.MissingEvidence);
    }

    [Fact]
    public void Unknown_AsksForTheUnknownFactsItReads_WithTheirWhy()
    {
        var diagnosis = Assert.Single(Classify("\"billableEnabled\": true").Diagnoses, d => d.Code == "INT999");

        Assert.Equal("enabled-unmapped", Assert.Single(diagnosis.Causes).Id);
        var missing = Assert.Single(diagnosis.MissingEvidence);
        Assert.Equal("workspace.coding.billableMapped", missing.Field);
        Assert.Equal("Whether billable expenses are mapped.", missing.Why);
    }

    [Fact]
    public void SectionNames_ReadTheEvidence_NotTextNorLambdaParameters()
    {
        Assert.Equal(
            "e.Evidence.workspace.coding.billableEnabled == true && e.Evidence.apiErrors.Any(report => report.Description == \"workspace\") && x.workspace && Workspace.Coding",
            FactNames.Rewrite("workspace.coding.billableEnabled == true && apiErrors.Any(report => report.Description == \"workspace\") && x.workspace && Workspace.Coding"));
        Assert.Equal(
            ["workspace.coding.billableEnabled", "apiErrors"],
            FactNames.Reads("e.Evidence.Workspace.Coding.BillableEnabled == true && e.Evidence.apiErrors.Any(a => a.Description == \"x\")", typeof(object)));
    }

    [Fact]
    public void SplitsTheTopLevelKleeneStructureOnly()
    {
        var tree = VerdictNode.Split("(a == 1 || !(b == 2)) && c.Any(x => x == 1 && x == 2) && (d ? e : f)");

        Assert.Equal(["a == 1", "b == 2", "c.Any(x => x == 1 && x == 2)", "d ? e : f"], tree.Atoms().Select(a => a.Text));
    }

    [Theory]
    [InlineData("\"summary\": \"Billable is on but not mapped.\",", "\"summary\": \"Billable is on but not mapped.\", \"establishedWhen\": [ { \"when\": \"e.Failed\" } ],", "establishedWhen is the rule format 1")]
    [InlineData("\"workspace.coding.billableMapped\": \"Whether billable expenses are mapped.\"", "\"workspace.coding.billableMapped\": \"Whether billable expenses are mapped.\", \"workspace.coding.taxImportEnabled\": \"x\"", "why names \"workspace.coding.taxImportEnabled\", which no cause's when reads")]
    [InlineData("\"format\": 2,", "\"format\": 3,", "format 3 is not known")]
    public void Mistakes_AreLoadProblems(string find, string replace, string message)
    {
        var json = Rule.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Rule, json);

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Format1_RefusesAWhenOnACause()
    {
        var json = RuleFiles.With("\"establishedWhen\": [ { \"when\": \"e.SignInFailed\", \"facts\": [] } ]", "\"when\": \"e.SignInFailed\"");

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.Contains("\"format\": 2", StringComparison.Ordinal));
    }

    private static IntacctSync.Rules.Diagnoses.DiagnosisReport Classify(string coding)
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("test/INT999.json", () => new MemoryStream(Encoding.UTF8.GetBytes(Rule))));
        var evidence = SyncEvidenceJson.Read(
            Encoding.UTF8.GetBytes($$"""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT999 Export Error: the test rule."], "workspace": { "coding": { {{coding}} } } }"""),
            "test.json");
        return SyncErrorClassifier.Create(options).Classify(evidence);
    }
}
