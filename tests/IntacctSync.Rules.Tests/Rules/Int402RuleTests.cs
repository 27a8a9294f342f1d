using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using static IntacctSync.Rules.Tests.Rules.RuleCases;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// What INT402 must conclude, asserted directly (the corpus snapshots pin the whole report; these pin
/// the decisions, so that accepting a snapshot cannot hide a wrong one).
/// </summary>
public class Int402RuleTests
{
    public static TheoryData<string, string> EstablishedCauses() => new()
    {
        { "contract-udd-inactive", "udd-inactive" },
        { "udd-not-configured", "udd-not-configured" },
        { "user-without-object-rights", "user-cannot-read-udd" },
        { "api-permission-denied", "user-cannot-read-udd" },
        { "api-error-only", "user-cannot-read-udd" },
        { "enabled-in-workspace-not-in-intacct", "udd-not-set-up-in-intacct" },
        { "api-object-definition-not-found", "udd-not-set-up-in-intacct" },
        { "workspace-entry-uses-label", "workspace-entry-misconfigured" },
        { "workspace-import-unset", "workspace-entry-misconfigured" },
        { "preflight-inactive-udd-before-sync", "udd-inactive" },
    };

    [Theory]
    [MemberData(nameof(EstablishedCauses))]
    public void Classify_CauseInEvidence_ConfirmsThatCauseWithFactsAndItsStep(string caseName, string cause)
    {
        var diagnosis = Assert.Single(Classify(caseName).Diagnoses);

        Assert.Equal("INT402", diagnosis.Code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var established = Assert.Single(diagnosis.Causes);
        Assert.Equal(cause, established.Id);
        Assert.NotEmpty(established.Facts);
        Assert.DoesNotContain(established.Facts, f => f.EndsWith("= not listed", StringComparison.Ordinal) && f.StartsWith("apiErrors", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Steps, s => s.Cause == cause);
        Assert.DoesNotContain(diagnosis.Steps, s => s.Cause is { } c && diagnosis.RuledOut.Any(r => r.Id == c));
        Assert.Equal(Enumerable.Range(1, diagnosis.Steps.Count), diagnosis.Steps.Select(s => s.Order));
        Assert.Contains("Sync Now", diagnosis.Steps[^1].Action, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ContractInactiveExample_RulesOutEveryOtherCause()
    {
        var diagnosis = Assert.Single(Classify("contract-udd-inactive").Diagnoses);

        Assert.Equal("Cost Center", diagnosis.Subject["dimension"]);
        Assert.Contains("dimension Cost Center.", diagnosis.Message, StringComparison.Ordinal);
        Assert.Equal(["intacct.dimensions[COSTCENTER].active = false", "intacct.dimensions[COSTCENTER].exists = true"], diagnosis.Causes[0].Facts);
        Assert.Equal(4, diagnosis.RuledOut.Count);
        Assert.Empty(diagnosis.MissingEvidence);
        Assert.Equal("rules/sync/INT402.json", diagnosis.Rule);
        Assert.Equal(
            [StepSystem.SageIntacct, StepSystem.Expensify, StepSystem.Expensify, StepSystem.Expensify],
            diagnosis.Steps.Select(s => s.System));
    }

    [Theory]
    [InlineData("contract-message-only", "Fund")]
    [InlineData("message-typographic-and-whitespace", "Project Phase")]
    [InlineData("message-without-code-matches-label", "Region")]
    public void Classify_MessageWithoutProof_IsLikelyAndListsMissingEvidence(string caseName, string dimension)
    {
        var diagnosis = Assert.Single(Classify(caseName).Diagnoses);

        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.Equal(dimension, diagnosis.Subject["dimension"]);
        Assert.NotEmpty(diagnosis.MissingEvidence);
        Assert.StartsWith("messages[0] = ", Assert.Single(diagnosis.Evidence), StringComparison.Ordinal);
        Assert.All(diagnosis.Causes, c => Assert.Empty(c.Facts));
    }

    [Theory]
    [InlineData("contract-healthy-sync")]
    public void Classify_HealthyEvidence_GivesEmptyReport(string caseName)
    {
        var report = Classify(caseName);

        Assert.Empty(report.Diagnoses);
        Assert.Empty(report.Unexplained);
    }

    [Theory]
    [InlineData("authentication-failure-udd-enabled", "INT122")]
    [InlineData("near-miss-export-operation", "UNCLASSIFIED")]
    [InlineData("near-miss-standard-dimension-inactive", "UNCLASSIFIED")]
    [InlineData("near-miss-standard-object-permission", "INT245")]
    public void Classify_NearMiss_IsNotInt402ButStillDiagnosesTheFailure(string caseName, string code)
    {
        var report = Classify(caseName);

        Assert.DoesNotContain(report.Diagnoses, d => d.Code == "INT402");
        Assert.Equal(code, report.Diagnoses[0].Code);
    }

    [Fact]
    public void Classify_FailedSyncWithUnknownUddState_IsPossibleAndAsksForTheState()
    {
        var diagnosis = Assert.Single(Classify("failed-sync-udd-state-unknown").Diagnoses);

        Assert.Equal(Certainty.Possible, diagnosis.Certainty);
        Assert.Contains(diagnosis.MissingEvidence, m => m.Field == "intacct.dimensions[REGION].active");
    }

    [Fact]
    public void Classify_TwoBrokenDimensions_TwoDiagnosesAndSyncNowOnlyInTheLast()
    {
        var report = Classify("two-udds-broken");

        Assert.Equal(["Fund", "Region"], report.Diagnoses.Select(d => d.Subject["dimension"]));
        Assert.DoesNotContain(report.Diagnoses[0].Steps, s => s.Action.StartsWith("Sync Now", StringComparison.Ordinal));
        Assert.StartsWith("Sync Now", report.Diagnoses[1].Steps[^1].Action, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UnknownsOnly_GivesNothing()
    {
        var evidence = new SyncEvidence
        {
            Intacct = new IntacctCompany { Dimensions = [new IntacctDimension { Id = "REGION", UserDefined = true }] },
        };

        Assert.Empty(Classifier.Classify(evidence).Diagnoses);
    }

    // Two dimensions share the label a message names: one problem, and what the evidence says of each counts. A cause
    // is established when it is for either (each cites its own dimension), ruled out only when it is for both.
    [Fact]
    public void Classify_TwoDimensionsLabelledAlike_OneDiagnosisWithEachOnesCauses()
    {
        const string Json = """
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "messages": ["INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund. This typically occurs when user-defined dimensions aren't set up correctly or are missing permissions."],
              "webServicesUser": { "userId": "xmlgw", "active": true, "permissionModel": "roleBased", "objects": { "FUND": ["list", "view"], "UDD_FUND": [] } },
              "intacct": { "dimensions": [
                { "id": "FUND", "label": "Fund", "userDefined": true, "exists": true, "active": false, "configured": true },
                { "id": "UDD_FUND", "label": "Fund", "userDefined": true, "exists": true, "active": true, "configured": true } ] } }
            """;

        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(Json)).Diagnoses);

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Equal(["intacct.dimensions[FUND].active = false", "intacct.dimensions[FUND].exists = true"], Assert.Single(diagnosis.Causes, c => c.Id == "udd-inactive").Facts);
        Assert.Equal(["webServicesUser.objects[UDD_FUND] = []", "intacct.dimensions[UDD_FUND].exists = true"], Assert.Single(diagnosis.Causes, c => c.Id == "user-cannot-read-udd").Facts);
        Assert.Equal(
            ["intacct.dimensions[FUND].configured = true", "intacct.dimensions[UDD_FUND].configured = true"],
            Assert.Single(diagnosis.RuledOut, c => c.Id == "udd-not-configured").Facts);
    }

    // Two records share a label and nothing names it: two problems, each with its own verdicts. Combined, the record whose
    // userDefined is unknown (so INT402 may apply to it) would lend its known "configured": false to the other's diagnosis,
    // and removing that one field would establish a cause the fuller evidence did not (the knowledge-monotonicity
    // property found this at 100,000 documents).
    [Fact]
    public void Classify_TwoRecordsLabelledAlikeThatNothingNames_StayTwoDiagnoses()
    {
        const string Json = """
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "intacct": { "dimensions": [
                { "id": "DEPT_UDD", "label": "Department", "userDefined": true, "exists": true, "active": true, "valuesReturned": 0 },
                { "id": "DEPARTMENT", "label": "Department", "exists": true, "active": true, "configured": false } ] } }
            """;
        var withUserDefined = Json.Replace("\"exists\": true, \"active\": true, \"configured\": false", "\"userDefined\": false, \"exists\": true, \"active\": true, \"configured\": false", StringComparison.Ordinal);

        var fuller = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(withUserDefined)).Diagnoses);
        var lessKnown = Classifier.Classify(SyncEvidenceJson.Read(Json)).Diagnoses;

        Assert.DoesNotContain(fuller.Causes, c => c.Facts.Count > 0 && c.Id == "udd-not-configured");
        Assert.Equal(2, lessKnown.Count);
        Assert.All(lessKnown, d => Assert.Equal("Department", d.Subject["dimension"]));
        var udd = Assert.Single(lessKnown, d => d.MissingEvidence.Any(m => m.Field.StartsWith("intacct.dimensions[DEPT_UDD]", StringComparison.Ordinal)));
        Assert.Equal(fuller.Certainty, udd.Certainty);
        Assert.Equal(fuller.Causes.Select(c => c.Id), udd.Causes.Select(c => c.Id));
        var standard = Assert.Single(lessKnown, d => d != udd);
        Assert.Equal(["intacct.dimensions[DEPARTMENT].configured = false", "intacct.dimensions[DEPARTMENT].exists = true"], Assert.Single(standard.Causes, c => c.Id == "udd-not-configured").Facts);
    }

    // Knowing less never proves more. Each pair differs by one fact removed; a verdict the fuller evidence did not reach
    // must not appear in the lesser. The first format 2 INT402 broke both: "cannot read" was ruled out by values returned
    // and established once the count was removed ((d.ValuesReturned ?? 0) == 0), and "not configured", ruled out by
    // configured: true, was established by zero values once configured was removed (d.Configured == null).
    [Theory]
    [InlineData("\"objects\": { \"REGION\": [] }", "\"valuesReturned\": 5, \"configured\": true", "\"valuesReturned\": 5, ", "user-cannot-read-udd")]
    [InlineData("\"objects\": { \"REGION\": [\"list\", \"view\"] }", "\"valuesReturned\": 0, \"configured\": false", ", \"configured\": false", "udd-not-configured")]
    public void Classify_OneFactRemoved_NeverEstablishesNorRulesOutMore(string objects, string record, string removed, string cause)
    {
        var json = $$"""
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "messages": [ "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Region. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions." ],
              "webServicesUser": { "active": true, {{objects}} },
              "intacct": { "dimensions": [ { "id": "REGION", "label": "Region", "userDefined": true, "exists": true, "active": true, {{record}} } ] } }
            """;
        var lessJson = json.Replace(removed, string.Empty, StringComparison.Ordinal).Replace(", }", " }", StringComparison.Ordinal);
        Assert.NotEqual(json, lessJson);

        var fuller = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(json)).Diagnoses);
        var lessKnown = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(lessJson)).Diagnoses);

        Assert.Contains(fuller.Causes, c => c.Id == cause && c.Facts.Count > 0);
        Assert.All(lessKnown.Causes.Where(c => c.Facts.Count > 0), c => Assert.Contains(fuller.Causes, f => f.Id == c.Id && f.Facts.Count > 0));
        Assert.All(lessKnown.RuledOut, c => Assert.Contains(fuller.RuledOut, f => f.Id == c.Id));
    }

    // A key that starts with a bracket is a key, not a placeholder left unfilled: the causes of a dimension whose id is
    // "[‘" or "[ ]" still cite its facts (the property "confirmed cites a fact" found a confirmed INT402 citing none).
    [Theory]
    [InlineData("[‘")]
    [InlineData("[ ]")]
    [InlineData("[Fund]")]
    public void Classify_KeyStartingWithABracket_IsCitedLikeAnyKey(string id)
    {
        var json = """
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "intacct": { "dimensions": [ { "id": "ID", "label": "ID Code", "userDefined": true, "exists": true, "active": true, "configured": false } ] } }
            """.Replace("ID", id, StringComparison.Ordinal);
        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(json)).Diagnoses);

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Contains($"intacct.dimensions[{id.Replace("]", "\\]", StringComparison.Ordinal)}].configured = false", Assert.Single(diagnosis.Causes, c => c.Id == "udd-not-configured").Facts);
    }

    // A name that starts with a bracket is a name: the report's subject keeps a dimension labelled "[Fund]" (the subject
    // once dropped any value starting with "[" to hide the stand-in [X], and the diagnosis named no dimension).
    [Theory]
    [InlineData("[Fund]")]
    [InlineData("[ ]")]
    public void Classify_NameStartingWithABracket_IsTheSubject(string label)
    {
        var json = """
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "intacct": { "dimensions": [ { "id": "FUND", "label": "LABEL", "userDefined": true, "exists": true, "active": true, "configured": false } ] } }
            """.Replace("LABEL", label, StringComparison.Ordinal);
        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(json)).Diagnoses);

        Assert.Equal(label, diagnosis.Subject["dimension"]);
    }

    private static DiagnosisReport Classify(string caseName) => RuleCases.Classify("INT402", caseName);
}
