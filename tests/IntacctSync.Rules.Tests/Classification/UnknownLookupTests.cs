using System.Text;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Tests.Rules;

namespace IntacctSync.Rules.Tests.Classification;

/// <summary>
/// A present list is complete, but a record whose key is absent, or two records with one key, leave lookups in it
/// unknown: the same case file, with the record it is about made keyless or doubled, no longer establishes the
/// cause that a missing record establishes. And <c>notWhen</c> with <c>evenWhenEstablished</c> hides a finding
/// whose cause is established, where a plain <c>notWhen</c> does not.
/// </summary>
public sealed class UnknownLookupTests
{
    [Fact]
    public void AccountMissingFromTheList_EstablishesAccountMissing()
    {
        var report = RuleCases.Classify("INT459", "cause-account-inactive-or-missing");

        Assert.Contains(Diagnosis(report, "INT459").Causes, c => c.Id == "account-inactive-or-missing");
    }

    [Fact]
    public void AnotherAccountWithoutItsNumber_LeavesAccountMissingUnknown()
    {
        var json = Case("INT459", "cause-account-inactive-or-missing");
        json["intacct"]!["accounts"]!.AsArray().Add(new JsonObject { ["active"] = true });

        var report = RuleCases.Classifier.Classify(Read(json));

        Assert.DoesNotContain(report.Diagnoses, d => d.Certainty == Certainty.Confirmed && d.Causes.Any(c => c.Id == "account-inactive-or-missing"));
        Assert.DoesNotContain(report.Diagnoses.SelectMany(d => d.RuledOut), c => c.Id == "account-inactive-or-missing");
    }

    [Fact]
    public void TwoEmployeeRecordsOneWithoutEmail_LeaveNoEmployeeRecordUnknown()
    {
        // INT149: no employee record carries the submitter's email. With a record whose email is absent, that
        // record may be theirs.
        var json = Case("INT149", "cause-no-employee-record");
        Assert.Contains(Diagnosis(RuleCases.Classifier.Classify(Read(json)), "INT149").Causes, c => c.Id == "no-employee-record");

        json["intacct"]!["employees"]!.AsArray().Add(new JsonObject { ["id"] = "EMP-9999", ["active"] = true });
        var report = RuleCases.Classifier.Classify(Read(json));

        Assert.DoesNotContain(report.Diagnoses, d => d.Certainty == Certainty.Confirmed && d.Causes.Any(c => c.Id == "no-employee-record"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void NotWhen_EvenWhenEstablished_HidesAnEstablishedFinding(bool evenWhenEstablished, bool reported)
    {
        var rule = $$"""
            {
              "code": "INT996", "kind": "sync", "phase": "sync", "title": "A test rule with a neighbour",
              "subject": "document",
              "notWhen": [ { "when": "e.Evidence.Connection.CredentialsValid == false", "because": "The neighbour explains it.", "evenWhenEstablished": {{(evenWhenEstablished ? "true" : "false")}} } ],
              "causes": [ { "id": "only", "summary": "Always.", "establishedWhen": [ { "when": "e.Failed", "facts": ["outcome"] } ] } ],
              "steps": [ { "system": "other", "path": "Nowhere", "action": "Nothing." } ]
            }
            """;
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource("tenant/INT996.json", () => new MemoryStream(Encoding.UTF8.GetBytes(rule))));
        var evidence = SyncEvidenceJson.Read("""{ "schemaVersion": 1, "outcome": "failed", "connection": { "credentialsValid": false } }"""u8.ToArray(), "test.json");

        var report = SyncErrorClassifier.Create(options).Classify(evidence);

        Assert.Equal(reported, report.Diagnoses.Any(d => d.Code == "INT996" && d.Certainty == Certainty.Confirmed));
    }

    private static Diagnosis Diagnosis(DiagnosisReport report, string code) => Assert.Single(report.Diagnoses, d => d.Code == code);

    private static JsonObject Case(string code, string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, code, name + ".json")))!;

    private static SyncEvidence Read(JsonObject json) => SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json.ToJsonString()), "test.json");
}
