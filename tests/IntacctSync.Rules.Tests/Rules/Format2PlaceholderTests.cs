using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// The rule format 2 asks for a fact that selects its record by a subject value (<c>{person}</c>) only while the finding
/// has that value: without it the fact names no record, and the condition's other parts ask for what would select it.
/// </summary>
public sealed class Format2PlaceholderTests
{
    // INT998 is not a built-in code.
    private const string Rule = """
        {
          "format": 2,
          "code": "INT998",
          "kind": "export",
          "phase": "export",
          "title": "A format 2 placeholder test rule",
          "message": { "template": "INT998 Export Error: the placeholder test rule." },
          "subject": "document",
          "subjectValues": { "person": "e.SubmitterEmail" },
          "indicatedWhen": "e.Failed",
          "causes": [
            {
              "id": "manager-without-user",
              "summary": "The submitter's manager has no active user.",
              "when": "e.SubmitterManagerHasActiveUser == false",
              "why": { "intacct.employees[email={person}].managerHasActiveUser": "Whether the manager has an active user."/*list*/ }
            }
          ],
          "steps": [ { "cause": "manager-without-user", "system": "sageIntacct", "path": "Employees", "action": "Give the manager a user." } ]
        }
        """;

    [Fact]
    public void Unknown_DoesNotAskForAFactWhosePlaceholderTheFindingCannotFill()
    {
        var diagnosis = Assert.Single(Classify("").Diagnoses, d => d.Code == "INT998");

        Assert.Equal("manager-without-user", Assert.Single(diagnosis.Causes).Id);
        Assert.Empty(diagnosis.MissingEvidence);
    }

    [Fact]
    public void Unknown_AsksForTheFact_OnceThePlaceholderIsFilled()
    {
        var diagnosis = Assert.Single(Classify("""
            , "report": { "submitterEmail": "dana@acme.example" }
            """).Diagnoses, d => d.Code == "INT998");

        var missing = Assert.Single(diagnosis.MissingEvidence);
        Assert.Equal("intacct.employees[email=dana@acme.example].managerHasActiveUser", missing.Field);
    }

    [Fact]
    public void Verdict_CitesTheFact_ThroughTheDerivedFactsReads()
    {
        var diagnosis = Assert.Single(Classify("""
            , "report": { "submitterEmail": "dana@acme.example" },
              "intacct": { "employees": [ { "id": "EMP-1", "email": "dana@acme.example", "managerHasActiveUser": false } ] }
            """).Diagnoses, d => d.Code == "INT998");

        var cause = Assert.Single(diagnosis.Causes);
        // The email that names the record is one of the facts the derived fact declares it reads.
        Assert.Equal(["report.submitterEmail = \"dana@acme.example\"", "intacct.employees[email=dana@acme.example].managerHasActiveUser = false"], cause.Facts);
    }

    [Fact]
    public void Unknown_AsksForTheList_WhenAReadCannotNameItsRecord()
    {
        var diagnosis = Assert.Single(Classify("", ListWhy).Diagnoses, d => d.Code == "INT998");

        var missing = Assert.Single(diagnosis.MissingEvidence);
        Assert.Equal("intacct.employees", missing.Field);
        Assert.Equal("The employee records.", missing.Why);
    }

    [Fact]
    public void Unknown_AsksForTheRecord_NotTheList_OnceItIsNamed()
    {
        var diagnosis = Assert.Single(Classify("""
            , "report": { "submitterEmail": "dana@acme.example" }
            """, ListWhy).Diagnoses, d => d.Code == "INT998");

        var missing = Assert.Single(diagnosis.MissingEvidence);
        Assert.Equal("intacct.employees[email=dana@acme.example].managerHasActiveUser", missing.Field);
    }

    [Fact]
    public void AWhyForAListNoReadSelectsFrom_IsALoadProblem()
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("test/INT998.json", () => new MemoryStream(Encoding.UTF8.GetBytes(Rule.Replace("/*list*/", ", \"intacct.vendors\": \"The vendors.\"", StringComparison.Ordinal)))));

        var error = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(options));

        Assert.Contains("intacct.vendors", error.Message, StringComparison.Ordinal);
    }

    private const string ListWhy = ", \"intacct.employees\": \"The employee records.\"";

    private static IntacctSync.Rules.Diagnoses.DiagnosisReport Classify(string more, string why = "")
    {
        var options = new IntacctSyncRulesOptions();
        var rule = Rule.Replace("/*list*/", why, StringComparison.Ordinal);
        options.RuleSources.Add(new RuleSource("test/INT998.json", () => new MemoryStream(Encoding.UTF8.GetBytes(rule))));
        var evidence = SyncEvidenceJson.Read(
            Encoding.UTF8.GetBytes($$"""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT998 Export Error: the placeholder test rule."] {{more}} }"""),
            "test.json");
        return SyncErrorClassifier.Create(options).Classify(evidence);
    }
}
