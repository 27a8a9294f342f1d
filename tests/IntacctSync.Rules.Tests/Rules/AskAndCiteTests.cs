using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// A format 2 cause's <c>ask</c> (facts asked for while it is possible though no condition reads them, each unless
/// its <c>when</c> is false) and <c>cite</c> (context cited beside the deciding facts when it is established).
/// </summary>
public sealed class AskAndCiteTests
{
    // INT997 is not a built-in code. The mapping decides; tax import is a follow-up worth asking for while billable is
    // not known to be off; the workspace's name is the context of a proof.
    private const string Rule = """
        {
          "format": 2,
          "code": "INT997",
          "kind": "export",
          "phase": "export",
          "title": "An ask and cite test rule",
          "message": { "template": "INT997 Export Error: the test rule." },
          "subject": "document",
          "why": {
            "workspace.coding.billableMapped": "Whether billable expenses are mapped.",
            "workspace.coding.taxImportEnabled": "Whether taxes are imported, which would point to another code."
          },
          "causes": [
            {
              "id": "unmapped",
              "summary": "Billable expenses are not mapped.",
              "when": "workspace.coding.billableMapped == false",
              "ask": [ { "fact": "workspace.coding.taxImportEnabled", "when": "workspace.coding.billableEnabled != false" } ],
              "cite": [ "workspace.name" ]
            }
          ],
          "steps": [ { "cause": "unmapped", "system": "expensify", "path": "Coding", "action": "Map billable." } ]
        }
        """;

    [Theory]
    [InlineData("\"billableEnabled\": true", "workspace.coding.billableMapped|workspace.coding.taxImportEnabled")]
    [InlineData("", "workspace.coding.billableMapped|workspace.coding.taxImportEnabled")]
    [InlineData("\"billableEnabled\": false", "workspace.coding.billableMapped")]
    [InlineData("\"billableEnabled\": true, \"taxImportEnabled\": true", "workspace.coding.billableMapped")]
    public void Possible_AsksForTheAskedFact_UnlessItsWhenIsFalseOrTheEvidenceHoldsIt(string coding, string missing)
    {
        var diagnosis = Classify(coding);

        Assert.Equal("unmapped", Assert.Single(diagnosis.Causes).Id);
        Assert.Empty(Assert.Single(diagnosis.Causes).Facts);
        Assert.Equal(missing.Split('|'), diagnosis.MissingEvidence.Select(m => m.Field));
    }

    [Fact]
    public void Established_CitesTheContextBesideTheDecidingFact_AndAsksNothing()
    {
        var diagnosis = Classify("\"billableMapped\": false, \"billableEnabled\": true");

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Equal(["workspace.coding.billableMapped = false", "workspace.name = \"Acme US\""], Assert.Single(diagnosis.Causes).Facts);
        Assert.Empty(diagnosis.MissingEvidence);
    }

    [Fact]
    public void Established_DoesNotCiteARecordItsSubjectValueCannotName()
    {
        // The rule cites intacct.vendors[{vendor}].onHold, and no vendor is known: with the vendors listed, citing it would
        // print "intacct.vendors[[vendor]].onHold = not listed", a record the finding never named.
        var json = Rule.Replace("[ \"workspace.name\" ]", "[ \"workspace.name\", \"intacct.vendors[{vendor}].onHold\" ]", StringComparison.Ordinal);
        Assert.NotEqual(Rule, json);
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("test/INT997.json", () => new MemoryStream(Encoding.UTF8.GetBytes(json))));
        var evidence = SyncEvidenceJson.Read(
            Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT997 Export Error: the test rule."], "workspace": { "name": "Acme US", "coding": { "billableMapped": false } }, "intacct": { "vendors": [ { "id": "V1", "onHold": true } ] } }"""),
            "test.json");

        var diagnosis = Assert.Single(SyncErrorClassifier.Create(options).Classify(evidence).Diagnoses, d => d.Code == "INT997");

        Assert.Equal(["workspace.coding.billableMapped = false", "workspace.name = \"Acme US\""], Assert.Single(diagnosis.Causes).Facts);
    }

    [Fact]
    public void RuledOut_CitesOnlyTheDecidingFact()
    {
        var diagnosis = Classify("\"billableMapped\": true");

        Assert.Equal(["workspace.coding.billableMapped = true"], Assert.Single(diagnosis.RuledOut).Facts);
        Assert.Empty(diagnosis.MissingEvidence);
    }

    [Theory]
    [InlineData("\"workspace.coding.taxImportEnabled\": \"Whether taxes are imported, which would point to another code.\"", "\"workspace.coding.billableEnabled\": \"x\"", "ask names \"workspace.coding.taxImportEnabled\" with no why")]
    [InlineData("{ \"fact\": \"workspace.coding.taxImportEnabled\",", "{ \"fact\": \" \",", "an ask entry needs the fact")]
    [InlineData("\"when\": \"workspace.coding.billableEnabled != false\"", "\"when\": \"workspace.coding.billableEnabled !=\"", "does not compile")]
    [InlineData("[ \"workspace.name\" ]", "[ \"\" ]", "a cite entry names a fact")]
    public void Mistakes_AreLoadProblems(string find, string replace, string message)
    {
        var json = Rule.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Rule, json);

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"ask\": [ { \"fact\": \"connection.everSucceeded\" } ]", ".ask")]
    [InlineData("\"cite\": [ \"connection.everSucceeded\" ]", ".cite")]
    public void Format1_RefusesThem(string entry, string path)
    {
        var json = RuleFiles.With("\"facts\": [] } ]", "\"facts\": [] } ], " + entry);

        var (_, problems) = RuleFiles.Compile(json);

        Assert.Contains(problems, p => p.Message.StartsWith("$.causes[0]" + path + ": ", StringComparison.Ordinal) && p.Message.Contains("\"format\": 2", StringComparison.Ordinal));
    }

    private static Diagnosis Classify(string coding)
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("test/INT997.json", () => new MemoryStream(Encoding.UTF8.GetBytes(Rule))));
        var evidence = SyncEvidenceJson.Read(
            Encoding.UTF8.GetBytes($$"""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT997 Export Error: the test rule."], "workspace": { "name": "Acme US", "coding": { {{coding}} } } }"""),
            "test.json");
        return Assert.Single(SyncErrorClassifier.Create(options).Classify(evidence).Diagnoses, d => d.Code == "INT997");
    }
}
