using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using static IntacctSync.Rules.Tests.Rules.RuleCases;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// What the "People" group's codes must conclude (INT009, INT028, INT054, INT149, INT664, INT446,
/// INT035, INT771, INT088, INT093, INT860, INT592), asserted directly: the cause each structured case
/// establishes, message-only cases, near misses, the neighbour pairs, and every template wording.
/// </summary>
public class PeopleRuleTests
{
    public static TheoryData<string, string, string> EstablishedCauses() => new()
    {
        { "INT149", "cause-no-employee-record", "no-employee-record" },
        { "INT149", "cause-email-differs", "email-differs" },
        { "INT149", "cause-duplicate-employee-records", "duplicate-employee-records" },
        { "INT054", "cause-no-employee-record", "no-employee-record" },
        { "INT054", "cause-email-differs", "email-differs" },
        { "INT054", "cause-duplicate-employee-records", "duplicate-employee-records" },
        { "INT664", "cause-no-vendor-record", "no-vendor-record" },
        { "INT664", "cause-vendor-email-differs", "vendor-email-differs" },
        { "INT446", "cause-vendor-on-hold", "vendor-on-hold" },
        { "INT446", "cause-default-vendor-on-hold", "vendor-on-hold" },
        { "INT028", "cause-employee-location-empty", "employee-location-empty" },
        { "INT028", "cause-employee-location-invalid", "employee-location-invalid" },
        { "INT028", "cause-location-from-employee-default", "location-from-employee-default" },
        { "INT009", "cause-manager-without-user", "manager-without-user" },
        { "INT009", "cause-first-approver-without-user", "first-approver-without-user" },
        { "INT035", "cause-export-date-from-report", "export-date-from-report" },
        { "INT035", "cause-ledger-closed-for-export-date", "ledger-closed-for-export-date" },
        { "INT035", "cause-user-cannot-post-to-closed-periods", "user-cannot-post-to-closed-periods" },
        { "INT771", "cause-reporting-period-closed", "reporting-period-closed" },
        { "INT771", "cause-user-lacks-open-closed-books", "user-lacks-open-closed-books" },
        { "INT088", "cause-cash-management-closed", "cash-management-closed" },
        { "INT093", "cause-card-expired", "card-expired" },
        { "INT860", "cause-card-linked-to-restricted-account", "card-linked-to-restricted-account" },
        { "INT860", "cause-category-account-restricted", "category-account-restricted" },
        { "INT592", "cause-rule-at-top-level", "rule-at-top-level" },
        { "INT592", "cause-export-entity-mismatch", "export-entity-mismatch" },
    };

    [Theory]
    [MemberData(nameof(EstablishedCauses))]
    public void Classify_CauseInEvidence_ConfirmsThatCauseWithFactsAndAPlan(string code, string caseName, string cause)
    {
        var report = Classify(code, caseName);

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var established = Assert.Single(diagnosis.Causes, c => c.Id == cause);
        Assert.NotEmpty(established.Facts);
        Assert.DoesNotContain(diagnosis.Causes.SelectMany(c => c.Facts), f => f.Contains("[[", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Steps, s => s.Cause is { } c && diagnosis.RuledOut.Any(r => r.Id == c));
        Assert.Equal(Enumerable.Range(1, diagnosis.Steps.Count), diagnosis.Steps.Select(s => s.Order));
        Assert.Contains(diagnosis.Steps, s => s.System == StepSystem.Other && s.Action.StartsWith("Export the failed report again", StringComparison.Ordinal));
        Assert.Empty(report.Unexplained);
    }

    [Theory]
    [InlineData("INT149", "cause-email-differs", "intacct.employees[email=dana@acme.example].email = \"Dana@Acme.example\"")]
    [InlineData("INT664", "cause-vendor-email-differs", "intacct.vendors[email=dana@acme.example].email = \"DANA@acme.example\"")]
    [InlineData("INT446", "cause-vendor-on-hold", "intacct.vendors[VEN-000231].onHold = true")]
    [InlineData("INT093", "cause-card-expired", "intacct.creditCards[AMEX-CORP].expiresOn = \"2026-10-31\"")]
    [InlineData("INT860", "cause-card-linked-to-restricted-account", "intacct.accounts[number=2110].restricted = true")]
    [InlineData("INT035", "cause-export-date-from-report", "intacct.periods.closedThrough = \"2026-09-30\"")]
    [InlineData("INT771", "cause-reporting-period-closed", "intacct.periods.reportingPeriodClosed = true")]
    [InlineData("INT088", "cause-cash-management-closed", "intacct.periods.cashManagementOpen = false")]
    [InlineData("INT592", "cause-export-entity-mismatch", "intacct.smartRules[id=SR-ENTITY-ONLY].entityId = \"US01\"")]
    public void Classify_CauseInEvidence_CitesTheDecidingFact(string code, string caseName, string fact)
    {
        var diagnosis = Assert.Single(Classify(code, caseName).Diagnoses);

        Assert.Contains(fact, diagnosis.Causes.SelectMany(c => c.Facts));
    }

    [Theory]
    [InlineData("INT009", null, null)]
    [InlineData("INT028", null, null)]
    [InlineData("INT054", "person", "dana@acme.example")]
    [InlineData("INT149", null, null)]
    [InlineData("INT664", null, null)]
    [InlineData("INT446", "vendor", "VEN-000231")]
    [InlineData("INT035", "date", "10/01/2026")]
    [InlineData("INT771", null, null)]
    [InlineData("INT088", null, null)]
    [InlineData("INT093", null, null)]
    [InlineData("INT860", "account", "2110")]
    [InlineData("INT592", "smartRule", "SR-ENTITY-ONLY")]
    public void Classify_MessageOnly_IsLikelyWithThePlaceholderFilled(string code, string? subjectName, string? value)
    {
        var diagnosis = Assert.Single(Classify(code, "message-only").Diagnoses);

        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.NotEmpty(diagnosis.Causes);
        Assert.StartsWith("messages[0] = ", Assert.Single(diagnosis.Evidence), StringComparison.Ordinal);
        Assert.All(diagnosis.Causes, c => Assert.Empty(c.Facts));
        Assert.NotEmpty(diagnosis.MissingEvidence);
        Assert.DoesNotContain(diagnosis.MissingEvidence, m => m.Field.Contains("[[", StringComparison.Ordinal) || m.Field.Contains("=[", StringComparison.Ordinal));
        if (subjectName is not null)
        {
            Assert.Equal(value, diagnosis.Subject[subjectName]);
            Assert.Contains(value!, diagnosis.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("INT054", "message-legacy-heading", "person", "dana@acme.example")]
    [InlineData("INT093", "message-classic-names-card", "creditCard", "AMEX-CORP")]
    [InlineData("INT860", "message-only", "creditCard", "AMEX-CORP")]
    public void Classify_AlternateWording_FillsItsPlaceholder(string code, string caseName, string subjectName, string value)
    {
        var diagnosis = Assert.Single(Classify(code, caseName).Diagnoses);

        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(value, diagnosis.Subject[subjectName]);
    }

    [Theory]
    [InlineData("INT149", "near-miss-employee-found")]
    [InlineData("INT664", "near-miss-vendor-found")]
    [InlineData("INT446", "near-miss-vendor-not-on-hold")]
    [InlineData("INT028", "near-miss-location-not-required")]
    [InlineData("INT028", "near-miss-vendor-bill")]
    [InlineData("INT009", "near-miss-approval-off")]
    [InlineData("INT009", "near-miss-vendor-bill")]
    [InlineData("INT035", "near-miss-export-date-open")]
    [InlineData("INT771", "near-miss-period-open")]
    [InlineData("INT088", "near-miss-no-card-charges")]
    [InlineData("INT088", "near-miss-subledger-open")]
    [InlineData("INT093", "near-miss-card-valid")]
    [InlineData("INT860", "near-miss-accounts-unrestricted")]
    [InlineData("INT592", "near-miss-entity-matches")]
    public void Classify_NearMiss_DoesNotProduceTheCode(string code, string caseName)
    {
        var report = Classify(code, caseName);

        Assert.DoesNotContain(report.Diagnoses, d => d.Code == code);
        var fallback = Assert.Single(report.Diagnoses);
        Assert.Equal("UNCLASSIFIED", fallback.Code);
    }

    /// <summary>
    /// Neighbour pairs: the same evidence with one fact flipped gives the other code (and never both).
    /// </summary>
    [Theory]
    // INT149 vs INT054: the INT054 message (naming the person) decides; without it the employee lookup is INT149.
    [InlineData("INT149", "cause-no-employee-record", "INT149", "INT054")]
    [InlineData("INT149", "neighbour-int054-message", "INT054", "INT149")]
    [InlineData("INT054", "near-miss-no-message", "INT149", "INT054")]
    [InlineData("INT054", "neighbour-int149-message", "INT149", "INT054")]
    // INT149 vs INT664: the export route (workspace.export.reimbursable) picks the employee or the vendor lookup.
    [InlineData("INT149", "neighbour-vendor-bill-route", "INT664", "INT149")]
    [InlineData("INT664", "cause-no-vendor-record", "INT664", "INT149")]
    [InlineData("INT664", "neighbour-expense-report-route", "INT149", "INT664")]
    // INT664 vs INT446: a vendor that is not found vs one found on hold.
    [InlineData("INT446", "neighbour-vendor-missing", "INT664", "INT446")]
    // INT035 vs INT771: closedThrough covering the export date vs a closed reporting period; a seen message decides.
    [InlineData("INT771", "neighbour-date-before-closed-through", "INT035", "INT771")]
    [InlineData("INT771", "cause-reporting-period-closed", "INT771", "INT035")]
    [InlineData("INT035", "neighbour-int771-message", "INT771", "INT035")]
    [InlineData("INT035", "cause-export-date-from-report", "INT035", "INT771")]
    [InlineData("INT771", "neighbour-int035-message", "INT035", "INT771")]
    [InlineData("INT771", "neighbour-without-int035-message", "INT771", "INT035")]
    // INT093 vs INT860: an expired card vs a restricted account.
    [InlineData("INT860", "neighbour-card-expired", "INT093", "INT860")]
    public void Classify_NeighbourPair_IsToldApart(string folder, string caseName, string expected, string notExpected)
    {
        var report = Classify(folder, caseName);

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal(expected, diagnosis.Code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.DoesNotContain(report.Diagnoses, d => d.Code == notExpected);
    }

    [Fact]
    public void Classify_RouteUnknownAndNoEmployee_IsPossibleInt149AskingForTheRoute()
    {
        var diagnosis = Assert.Single(Classify("INT149", "route-unknown-employee-missing").Diagnoses);

        Assert.Equal("INT149", diagnosis.Code);
        Assert.Equal(Certainty.Possible, diagnosis.Certainty);
        Assert.Contains(diagnosis.MissingEvidence, m => m.Field == "workspace.export.reimbursable");
        Assert.Equal(["no-employee-record"], diagnosis.Causes.Select(c => c.Id));
    }

    [Fact]
    public void Classify_Int035Message_FillsTheCutOffAndComparesTheExportDateWithIt()
    {
        var diagnosis = Assert.Single(Classify("INT035", "message-date-with-export-date").Diagnoses);

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Equal("10/01/2026", diagnosis.Subject["date"]);
        Assert.Contains(diagnosis.Causes, c => c.Id == "export-date-from-report");
    }

    [Fact]
    public void Classify_Int035FromClosedThrough_FillsTheFirstOpenDate()
    {
        var diagnosis = Assert.Single(Classify("INT035", "cause-export-date-from-report").Diagnoses);

        Assert.Equal("10/01/2026", diagnosis.Subject["date"]);
        Assert.Contains("on or after 10/01/2026.", diagnosis.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Int446FromEvidence_FillsTheVendorIntoMessageAndSteps()
    {
        var diagnosis = Assert.Single(Classify("INT446", "cause-default-vendor-on-hold").Diagnoses);

        Assert.Equal("VEN-000900", diagnosis.Subject["vendor"]);
        Assert.Contains("Vendor VEN-000900 is marked", diagnosis.Message, StringComparison.Ordinal);
        Assert.Contains("VEN-000900", diagnosis.Steps[0].Path, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Wordings() => new()
    {
        { "INT009", "INT009 Export Error: The employee’s manager doesn’t have a user account in Sage Intacct. Please update the approval settings in Sage Intacct." },
        { "INT009", "INT009: The employee’s manager doesn’t have a user account in Sage Intacct." },
        { "INT009", "ExpensiError INT009: Employee Manager Does Not Have a User Associated" },
        { "INT028", "INT028 Export Error: Sage Intacct requires employees to have a location. Please add a location to the employee profile, sync, and attempt to export the report again." },
        { "INT028", "INT028: Sage Intacct requires employees to have a location." },
        { "INT028", "INT028 Export Error: Sage Intacct requires employees to have a location. Please add a location to the employee profile, sync Expensify, and attempt to export the report again." },
        { "INT028", "ExpensiError INT028: Use of an empty location is invalid" },
        { "INT035", "INT035 Export Error: Export not completed. Date associated with export must be on or after 10/01/2026. Reopen the period or change the export date in workspace configurations." },
        { "INT054", "INT054 Export Error: Expensify couldn’t find a matching employee for dana@acme.example in Sage Intacct. Ensure the employee exists and the email matches Expensify." },
        { "INT054", "ExpensiError INT054: No Sage Intacct employee found for dana@acme.example" },
        { "INT088", "INT088 Export Error: Cash Management subledger is closed in Sage Intacct. Please open the subledger, export the report, then close the subledger again." },
        { "INT093", "INT093 Export Error: The credit card is invalid. Please check the card's expiration date in Sage Intacct and update it if it has expired." },
        { "INT093", "INT093 Export Error: Credit Card AMEX-CORP is invalid. Please check the card’s expiration date in Sage Intacct and update it if it has expired." },
        { "INT149", "INT149 Export Error: The employee record couldn’t be found in Sage Intacct. Ensure the employee record exists, the email matches Expensify exactly, and there are no duplicate employee records using the same email." },
        { "INT446", "INT446 Export Error: Vendor VEN-000231 is marked as 'On Hold' in Sage Intacct. Please remove the hold and try exporting again." },
        { "INT592", "INT592 Export Error: Smart Rule SR-ENTITY-ONLY violated. This record must be created at the Entity level." },
        { "INT664", "INT664 Export Error: Sage Intacct couldn’t find a vendor record for the report submitter. Verify a vendor record exists and the vendor email exactly matches the submitter’s Expensify email exactly, including capitalization." },
        { "INT771", "INT771 Export Error: Export not completed. The batches for this reporting period are closed in Sage Intacct. Reopen the period or change the export date in workspace configurations." },
        { "INT860", "INT860 Export Error: Sage Intacct couldn’t create the transaction because account 2110 (linked to Credit Card AMEX-CORP) is restricted." },
    };

    [Theory]
    [MemberData(nameof(Wordings))]
    public void Classify_EveryWording_IsRecognizedInEverySpelling(string code, string text)
    {
        string[] spellings =
        [
            text,
            text.Replace('’', '\'').Replace('“', '"').Replace('”', '"'),
            text.Replace('\'', '’'),
            text.Replace(" ", "  \n\t ", StringComparison.Ordinal),
            text.ToLowerInvariant(),
            "  " + text.Replace('’', '\'').ToUpperInvariant() + "\n",
        ];

        foreach (var spelling in spellings)
        {
            var report = Classifier.Classify(new SyncEvidence { Messages = [spelling] });

            var diagnosis = Assert.Single(report.Diagnoses);
            Assert.True(diagnosis.Code == code, $"'{spelling}' gave {diagnosis.Code}, expected {code}");
            Assert.Equal(Certainty.Likely, diagnosis.Certainty);
            Assert.Empty(report.Unexplained);
        }
    }

    [Theory]
    [InlineData("INT035", "Export not completed. Date associated with export must be on or after 10/01/2026. Reopen the period or change the export date in workspace configurations.")]
    [InlineData("INT771", "Export not completed. The batches for this reporting period are closed in Sage Intacct. Reopen the period or change the export date in workspace configurations.")]
    [InlineData("INT149", "The employee record couldn't be found in Sage Intacct. Ensure the employee record exists, the email matches Expensify exactly, and there are no duplicate employee records using the same email.")]
    [InlineData("INT664", "Sage Intacct couldn't find a vendor record for the report submitter.")]
    [InlineData("INT446", "Vendor VEN-000231 is marked as 'On Hold' in Sage Intacct.")]
    [InlineData("INT054", "Expensify couldn't find a matching employee for dana@acme.example in Sage Intacct.")]
    public void Classify_MessageWithoutCode_IsRecognizedByItsText(string code, string text)
    {
        var diagnosis = Assert.Single(Classifier.Classify(new SyncEvidence { Messages = [text] }).Diagnoses);

        Assert.Equal(code, diagnosis.Code);
    }

    [Fact]
    public void Classify_PeopleCodes_AreNotReportedForASync()
    {
        var evidence = new SyncEvidence
        {
            Operation = SyncOperation.Sync,
            Messages = ["INT149 Export Error: The employee record couldn’t be found in Sage Intacct."],
        };

        Assert.DoesNotContain(Classifier.Classify(evidence).Diagnoses, d => d.Code == "INT149");
    }

    /// <summary>
    /// INT028's message says Sage Intacct requires a location, so beside it an empty employee location establishes
    /// the cause whatever intacct.locationRequired says; removing that fact can then decide nothing new. An earlier
    /// form let an observed <c>locationRequired: false</c> overrule the message, and removing it established the
    /// cause it had ruled out (found by the composed mutations of AbsentMeansUnknownProperties).
    /// </summary>
    [Fact]
    public void Classify_Int028_LocationRequiredFalseBesideTheMessage_DecidesAsIfUnknown()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, "INT028/cause-location-from-employee-default.json")))!;
        var lessKnown = json.ToJsonString();
        json["intacct"]!["locationRequired"] = false;

        var fuller = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(json.ToJsonString())).Diagnoses, d => d.Code == "INT028");
        var other = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(lessKnown)).Diagnoses, d => d.Code == "INT028");

        Assert.Contains(fuller.Causes, c => c.Id == "employee-location-empty");
        Assert.Equal(fuller.Causes.Select(c => c.Id).Order(), other.Causes.Select(c => c.Id).Order());
        Assert.DoesNotContain(fuller.RuledOut, c => c.Id == "employee-location-empty");
    }

    /// <summary>
    /// With no account named, INT860's "the account is restricted" is whether any account the export posts to is. It was
    /// the restriction of one account picked by the facts: removing the restricted category account's flag moved the pick to
    /// the card's unrestricted account and ruled every cause out (the condition-level property found it). Removing any
    /// account's flag, in every INT860 case, may leave the fact unknown, never decide it otherwise.
    /// </summary>
    [Theory]
    [InlineData("cause-category-account-restricted")]
    [InlineData("cause-card-linked-to-restricted-account")]
    [InlineData("near-miss-accounts-unrestricted")]
    [InlineData("neighbour-card-expired")]
    public void RestrictionAccountRestricted_AnAccountsFlagRemoved_StaysOrBecomesUnknown(string caseName)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, $"INT860/{caseName}.json")))!;
        var accounts = json["intacct"]!["accounts"]!.AsArray();
        var fuller = Facts(json).RestrictionAccountRestricted;

        Assert.NotNull(fuller);
        for (var i = 0; i < accounts.Count; i++)
        {
            var lessKnown = json.DeepClone();
            lessKnown["intacct"]!["accounts"]![i]!.AsObject().Remove("restricted");

            var value = Facts(lessKnown).RestrictionAccountRestricted;

            Assert.True(value is null || value == fuller, $"removing accounts[{i}].restricted turned {fuller} into {value}");
        }
    }

    /// <summary>
    /// INT446's vendor on hold, with no vendor named, is whether a vendor the export posts to is on hold, each vendor's being
    /// posted to three-valued. It was the flag of the one vendor picked by the route: with the route known to post to no
    /// vendor the pick was empty (unknown), and removing the route made the submitter's vendor the pick, whose flag ruled the
    /// cause out (the condition-level property found it). Each pair is a route, then the same without it.
    /// </summary>
    [Theory]
    [InlineData("INT664/near-miss-vendor-found", "reimbursable", "expenseReport")]
    [InlineData("INT664/near-miss-vendor-found", "reimbursable", "vendorBill")]
    [InlineData("INT446/near-miss-vendor-not-on-hold", "reimbursable", "expenseReport")]
    [InlineData("INT446/cause-vendor-on-hold", "reimbursable", "expenseReport")]
    [InlineData("INT446/cause-default-vendor-on-hold", "nonReimbursable", "creditCard")]
    [InlineData("INT446/cause-default-vendor-on-hold", "nonReimbursable", "vendorBill")]
    public void PostingVendorOnHold_RouteRemoved_StaysOrBecomesUnknown(string caseName, string route, string value)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, caseName + ".json")))!;
        json["workspace"]!["export"]![route] = value;
        var lessKnown = json.DeepClone();
        lessKnown["workspace"]!["export"]!.AsObject().Remove(route);

        var fuller = Facts(json).PostingVendorOnHold;
        var value2 = Facts(lessKnown).PostingVendorOnHold;

        Assert.True(value2 is null || value2 == fuller, $"removing workspace.export.{route} turned {Text(fuller)} into {Text(value2)}");

        static string Text(bool? v) => v?.ToString() ?? "unknown";
    }
}
