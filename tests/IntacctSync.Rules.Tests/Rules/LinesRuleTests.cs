using System.Text.Json.Nodes;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using static IntacctSync.Rules.Tests.Rules.RuleCases;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// What the expense-line codes (INT073, INT083, INT084, INT194, INT205, INT225, INT304, INT459, INT480,
/// INT680) must conclude, asserted directly; and the neighbours they must be told apart from, each pair
/// being two case files that differ in one fact.
/// </summary>
public class LinesRuleTests
{
    public static TheoryData<string, string, string> EstablishedCauses() => new()
    {
        { "INT073", "cause-required-dimension-not-imported", "required-dimension-not-imported" },
        { "INT073", "cause-line-left-without-value", "line-left-without-value" },
        { "INT083", "cause-expense-type-not-billable", "expense-type-not-billable" },
        { "INT083", "cause-account-not-billable", "account-not-billable" },
        { "INT083", "cause-item-permissions-missing", "item-permissions-missing" },
        { "INT084", "cause-tag-value-not-in-intacct", "tag-value-not-in-intacct" },
        { "INT084", "cause-tag-value-inactive", "tag-value-inactive" },
        { "INT084", "neighbour-udd-value-at-export", "tag-value-inactive" },
        { "INT194", "cause-billable-disabled", "billable-disabled" },
        { "INT194", "cause-billable-not-mapped", "billable-not-mapped" },
        { "INT205", "cause-project-not-linked-to-customer", "project-not-linked-to-customer" },
        { "INT205", "cause-project-inactive", "project-inactive" },
        { "INT225", "cause-tax-import-disabled", "tax-import-disabled" },
        { "INT225", "cause-manual-tax-rate-used", "manual-tax-rate-used" },
        { "INT225", "cause-tax-rate-not-in-intacct", "tax-rate-not-in-intacct" },
        { "INT304", "cause-zero-line-tag-invalid", "zero-line-tag-invalid" },
        { "INT304", "cause-zero-line-category-invalid", "zero-line-category-invalid" },
        { "INT304", "cause-zero-line-required-dimension-missing", "zero-line-required-dimension-missing" },
        { "INT459", "cause-category-not-in-workspace", "category-not-in-workspace" },
        { "INT459", "cause-category-disabled", "category-disabled" },
        { "INT459", "cause-category-not-synced", "category-not-synced" },
        { "INT459", "cause-expense-type-inactive-or-missing", "expense-type-inactive-or-missing" },
        { "INT459", "cause-account-inactive-or-missing", "account-inactive-or-missing" },
        { "INT480", "cause-submitter-not-resource", "submitter-not-resource" },
        { "INT680", "cause-expense-uncategorized", "expense-uncategorized" },
    };

    [Theory]
    [MemberData(nameof(EstablishedCauses))]
    public void Classify_CauseInEvidence_ConfirmsThatCauseOnly(string code, string caseName, string cause)
    {
        var report = Classify(code, caseName);

        var diagnosis = Assert.Single(report.Diagnoses, d => d.Code == code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var established = Assert.Single(diagnosis.Causes);
        Assert.Equal(cause, established.Id);
        Assert.NotEmpty(established.Facts);
        Assert.DoesNotContain(established.Facts, f => f.Contains("[[", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Steps, s => s.Cause is { } c && diagnosis.RuledOut.Any(r => r.Id == c));
        Assert.Equal(Enumerable.Range(1, diagnosis.Steps.Count), diagnosis.Steps.Select(s => s.Order));
        Assert.Equal($"rules/export/{code}.json", diagnosis.Rule);
        Assert.Equal(ErrorKind.Export, diagnosis.Kind);
        Assert.DoesNotContain(diagnosis.Steps, s => s.Path.Contains('{') || s.Action.Contains('{'));
    }

    [Theory]
    [InlineData("INT073", "cause-line-left-without-value", "account", "6100")]
    [InlineData("INT083", "cause-expense-type-not-billable", "category", "Gifts")]
    [InlineData("INT084", "cause-tag-value-inactive", "line", "3")]
    [InlineData("INT459", "cause-category-not-in-workspace", "category", "Old Meals")]
    [InlineData("INT480", "cause-submitter-not-resource", "project", "P-100")]
    public void Classify_StructuredCase_FillsThePlaceholderFromEvidence(string code, string caseName, string name, string value)
    {
        var diagnosis = Assert.Single(Classify(code, caseName).Diagnoses, d => d.Code == code);

        Assert.Equal(value, diagnosis.Subject[name]);
        Assert.Contains(value, diagnosis.Message, StringComparison.Ordinal);
    }

    // The contract's subject holds the message's placeholders: these messages have none, so the project or person
    // the rule names in its causes and plan is not a subject entry.
    [Theory]
    [InlineData("INT205", "cause-project-not-linked-to-customer", "P-100")]
    [InlineData("INT149", "cause-no-employee-record", "dana@acme.example")]
    [InlineData("INT664", "cause-no-vendor-record", "dana@acme.example")]
    public void Classify_MessageWithoutPlaceholders_HasAnEmptySubject(string code, string caseName, string named)
    {
        var diagnosis = Assert.Single(Classify(code, caseName).Diagnoses, d => d.Code == code);

        Assert.Empty(diagnosis.Subject);
        Assert.Contains(diagnosis.Causes, c => c.Summary.Contains(named, StringComparison.Ordinal) || c.Facts.Any(f => f.Contains(named, StringComparison.Ordinal)));
    }

    [Fact]
    public void Classify_ExpenseReportSteps_EndWithReExportAndKeepSyncNowBeforeTheReportSteps()
    {
        var diagnosis = Assert.Single(Classify("INT084", "cause-tag-value-inactive").Diagnoses);

        Assert.Equal("Re-run the export of the failed report.", diagnosis.Steps[^1].Action);
        Assert.Contains(diagnosis.Steps, s => s.Path.EndsWith("> Sync Now", StringComparison.Ordinal) && s.Path.Contains("Acme US", StringComparison.Ordinal));
        Assert.Contains("DEPARTMENT=D200", diagnosis.Causes[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TwoUncategorizedExpenses_AreOneInt680Diagnosis()
    {
        var report = Classify("INT680", "cause-expense-uncategorized");

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal("INT680", diagnosis.Code);
        Assert.Empty(diagnosis.Subject);
        Assert.DoesNotContain(diagnosis.Steps, s => s.Path.Contains("Sync Now", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("INT073", "account", "6100")]
    [InlineData("INT083", "category", "Client Meals")]
    [InlineData("INT084", "line", "3")]
    [InlineData("INT459", "category", "Old Meals")]
    [InlineData("INT480", "project", "P-100")]
    [InlineData("INT194", null, null)]
    [InlineData("INT205", null, null)]
    [InlineData("INT225", null, null)]
    public void Classify_MessageOnly_IsLikelyWithThePlaceholderFilled(string code, string? name, string? value)
    {
        var diagnosis = Assert.Single(Classify(code, "message-only").Diagnoses);

        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        if (name is not null)
        {
            Assert.Equal(value, diagnosis.Subject[name]);
            Assert.Contains(value!, diagnosis.Message, StringComparison.Ordinal);
        }

        Assert.NotEmpty(diagnosis.MissingEvidence);
        Assert.DoesNotContain(diagnosis.MissingEvidence, m => m.Field.Contains("[[", StringComparison.Ordinal));
        Assert.StartsWith("messages[0] = ", Assert.Single(diagnosis.Evidence), StringComparison.Ordinal);
        Assert.All(diagnosis.Causes, c => Assert.Empty(c.Facts));
    }

    /// <summary>
    /// INT304 and INT680 are expense rules whose message names no line: a message alone is about the
    /// report's lines in general, so it still makes the code likely.
    /// </summary>
    [Theory]
    [InlineData("INT304")]
    [InlineData("INT680")]
    public void Classify_MessageOnlyOfPlaceholderlessExpenseCode_IsLikely(string code)
    {
        var report = Classify(code, "message-only");

        Assert.Empty(report.Unexplained);
        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.StartsWith("messages[0] = ", Assert.Single(diagnosis.Evidence), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?> NearMisses() => new()
    {
        { "INT073", "near-miss-tag-present-but-inactive", "INT084" },
        { "INT073", "near-miss-zero-amount", "INT304" },
        { "INT084", "near-miss-zero-amount", "INT304" },
        { "INT084", "near-miss-all-tags-valid", null },
        { "INT084", "near-miss-udd-inactive-at-sync", "INT402" },
        { "INT083", "near-miss-billable-off-in-workspace", "INT194" },
        { "INT194", "near-miss-no-billable-expenses", null },
        { "INT194", "neighbour-billable-on-project-unlinked", "INT205" },
        { "INT205", "near-miss-project-linked", null },
        { "INT225", "near-miss-no-tax-on-report", null },
        { "INT304", "near-miss-zero-line-valid-coding", null },
        { "INT459", "near-miss-uncategorized", "INT680" },
        { "INT480", "near-miss-submitter-is-resource", null },
        { "INT680", "near-miss-category-not-found", "INT459" },
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Classify_NearMiss_IsNotTheCodeButTheNeighbourOrNothing(string code, string caseName, string? neighbour)
    {
        var report = Classify(code, caseName);

        Assert.DoesNotContain(report.Diagnoses, d => d.Code == code);
        var diagnosis = Assert.Single(report.Diagnoses);
        if (neighbour is null)
        {
            Assert.Equal("UNCLASSIFIED", diagnosis.Code);
            Assert.Equal(Certainty.Possible, diagnosis.Certainty);
        }
        else
        {
            Assert.Equal(neighbour, diagnosis.Code);
            Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        }
    }

    /// <summary>Neighbour pairs: two cases that differ only at the listed JSON paths, and the code each gives.</summary>
    public static TheoryData<string, string, string, string, string> NeighbourPairs() => new()
    {
        // INT402 (sync: the whole user-defined dimension unreadable) vs INT084 (export: one value on one line).
        { "INT084/neighbour-udd-value-at-export", "INT084", "INT084/near-miss-udd-inactive-at-sync", "INT402", "operation" },
        // INT073 (required dimension absent) vs INT084 (tag present, value inactive).
        { "INT073/cause-line-left-without-value", "INT073", "INT073/near-miss-tag-present-but-inactive", "INT084", "report.expenses[0].tags.DEPARTMENT" },
        // INT084 (any amount) vs INT304 ($0.00 line).
        { "INT084/cause-tag-value-inactive", "INT084", "INT084/near-miss-zero-amount", "INT304", "report.expenses[0].amount" },
        // INT073 vs INT304 on the same missing dimension.
        { "INT073/cause-line-left-without-value", "INT073", "INT073/near-miss-zero-amount", "INT304", "report.expenses[0].amount" },
        // INT083 (billable on, expense type not billable) vs INT194 (billable off in the workspace).
        { "INT083/cause-expense-type-not-billable", "INT083", "INT083/near-miss-billable-off-in-workspace", "INT194", "workspace.coding.billableEnabled" },
        // INT205 (project not linked to the customer) vs a linked project on the same billable line.
        { "INT194/neighbour-billable-on-project-unlinked", "INT205", "INT205/near-miss-project-linked", "UNCLASSIFIED", "report.expenses[0].customer" },
        // INT459 (category not found) vs INT680 (no category).
        { "INT680/near-miss-category-not-found", "INT459", "INT459/near-miss-uncategorized", "INT680", "report.expenses[0].category" },
    };

    [Theory]
    [MemberData(nameof(NeighbourPairs))]
    public void Classify_NeighbourPair_OneFlippedFactSwitchesTheCode(string first, string firstCode, string second, string secondCode, string flipped)
    {
        Assert.Equal([flipped], Differences(Load(first), Load(second), string.Empty).ToArray());

        var a = Classifier.Classify(Read(first));
        var b = Classifier.Classify(Read(second));

        Assert.Equal(firstCode, Assert.Single(a.Diagnoses).Code);
        Assert.Equal(secondCode, Assert.Single(b.Diagnoses).Code);
        Assert.DoesNotContain(a.Diagnoses, d => d.Code == secondCode);
        Assert.DoesNotContain(b.Diagnoses, d => d.Code == firstCode);
    }

    [Fact]
    public void Classify_BillableTriad_EachCaseGivesOnlyItsOwnCode()
    {
        string[] triad = ["INT194", "INT083", "INT205"];
        (string Case, string Code)[] cases =
        [
            ("INT194/cause-billable-disabled", "INT194"),
            ("INT083/cause-expense-type-not-billable", "INT083"),
            ("INT194/neighbour-billable-on-project-unlinked", "INT205"),
        ];

        foreach (var (file, code) in cases)
        {
            var codes = Classifier.Classify(Read(file)).Diagnoses.Select(d => d.Code).ToList();
            Assert.Equal([code], codes.Where(triad.Contains).ToArray());
        }
    }

    public static TheoryData<string, string> Templates() => new()
    {
        { "INT073", "INT073 Export Error: Sage Intacct requires a tag for account 6100, preventing the expense from being created. Either remove the required field from the account in Sage Intacct or configure the field as a tag in Expensify configurations." },
        { "INT083", "INT083 Export Error: Expense item Meals isn’t mapped to a valid billable expense type in Sage Intacct. Please select a category that supports billable expenses." },
        { "INT084", "INT084 Export Error: Sage Intacct couldn’t validate service line 12. Check that all tags used on the report exist and are active in Sage Intacct." },
        { "INT194", "INT194 Export Error: Billable expenses were selected on the report, but billable options are turned off in the configuration in the workspace. Please re-enable billable settings or update the expense mapping." },
        { "INT194", "INT194 Export Error: Billable expenses were selected on the report, but billable options are turned off in the configuration in the Expensify workspace. Please re-enable billable settings or update the expense mapping." },
        { "INT205", "INT205 Export Error: The selected project isn’t associated with the selected customer. Please verify the project tag on all expenses and retry the export." },
        { "INT225", "INT225 Export Error: Tax details are missing or invalid. Please ensure tax import option is enabled in the Sage Intacct configurations." },
        { "INT225", "INT225 Export Error: Tax details are missing or invalid. Please ensure tax import option is enabled in the Sage Intacct configurations in Expensify." },
        { "INT304", "INT304 Export Error: Unable to export report due to invalid coding on $0.00 expenses to Sage Intacct." },
        { "INT459", "INT459 Export Error: Unable to find category Old Meals in the workspace. Please confirm all categories are listed and active in Sage Intacct." },
        { "INT459", "INT459 Export Error: Unable to find category Old Meals in the Expensify workspace. Please confirm all categories are listed and active in Sage Intacct." },
        { "INT480", "INT480 Export Error: The report submitter is not a resource of project P-100 in Sage Intacct. Please ensure the submitter is part of the project in Sage Intacct." },
        { "INT680", "INT680 Export Error: The report contains invalid data. Please categorize any uncategorized expenses and try exporting again." },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Recognize_EveryTemplateAndAlternate_InEverySpelling(string code, string template)
    {
        var recognizer = RuleSet.Load(includeBuiltIn: true, []).Recognizer;
        string[] spellings =
        [
            template,
            template.Replace('’', '\''),
            template.Replace(" ", "  \n\t", StringComparison.Ordinal),
            template.ToLowerInvariant(),
            template[(template.IndexOf(':', StringComparison.Ordinal) + 2)..],
        ];

        foreach (var text in spellings)
        {
            var found = recognizer.Recognize(text);
            Assert.True(found is not null, $"not recognized: {text}");
            Assert.Equal(code, found.Value.Rule.Code);

            var report = Classifier.Classify(new SyncEvidence { Messages = [text] });
            Assert.Empty(report.Unexplained);
            if (code is not ("INT304" or "INT680"))
            {
                Assert.Contains(report.Diagnoses, d => d.Code == code && d.Certainty == Certainty.Likely);
            }
        }
    }

    [Theory]
    [InlineData("INT073", "account", "INT073 Export Error: Sage Intacct requires a tag for account 6100, preventing the expense from being created.", "6100")]
    [InlineData("INT083", "category", "int083 export error: expense item client meals isn't mapped to a valid billable expense type in sage intacct.", "client meals")]
    [InlineData("INT084", "line", "Sage Intacct couldn't validate service line 12. Check that all tags used on the report exist and are active in Sage Intacct.", "12")]
    [InlineData("INT459", "category", "INT459 Export Error: Unable to find category Travel – Air in the workspace.", "Travel – Air")]
    [InlineData("INT480", "project", "INT480 Export Error: The report submitter is not a resource of project PRJ-0042 in Sage Intacct.", "PRJ-0042")]
    public void Classify_MessageAlone_FillsThePlaceholder(string code, string name, string message, string value)
    {
        var diagnosis = Assert.Single(Classifier.Classify(new SyncEvidence { Messages = [message] }).Diagnoses);

        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(value, diagnosis.Subject[name]);
    }

    [Fact]
    public void Classify_MessageNamingALine_JoinsTheExpenseOnThatLine()
    {
        var evidence = Read("INT084/cause-tag-value-inactive");
        var withMessage = new SyncEvidence
        {
            Operation = evidence.Operation,
            ObservedAt = evidence.ObservedAt,
            Intacct = evidence.Intacct,
            Workspace = evidence.Workspace,
            Report = evidence.Report,
            Messages = ["INT084 Export Error: Sage Intacct couldn’t validate service line 3. Check that all tags used on the report exist and are active in Sage Intacct."],
        };

        var diagnosis = Assert.Single(Classifier.Classify(withMessage).Diagnoses);

        Assert.Equal("INT084", diagnosis.Code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Equal("3", diagnosis.Subject["line"]);
    }

    /// <summary>
    /// A $0.00 line is INT304's: its amount gates the line out of INT084 and INT459 rather than holding a proof back.
    /// Held back, a zero line with an inactive tag left a cause possible that removing the amount then proved.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Classify_ZeroAmountLine_IsNotInt084s_AndRemovingTheAmountProvesNoMoreThanItRuledIn(bool withMessage)
    {
        var zero = Load("INT084/near-miss-zero-amount");
        if (withMessage)
        {
            zero["messages"] = new JsonArray("INT084 Export Error: Sage Intacct couldn’t validate service line 3. Check that all tags used on the report exist and are active in Sage Intacct.");
        }

        var unknownAmount = zero.DeepClone();
        unknownAmount["report"]!["expenses"]![0]!.AsObject().Remove("amount");

        var known = Classifier.Classify(SyncEvidenceJson.Read(zero.ToJsonString())).Diagnoses;
        var lessKnown = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(unknownAmount.ToJsonString())).Diagnoses, d => d.Code == "INT084");

        Assert.Equal(Certainty.Confirmed, lessKnown.Certainty);
        Assert.Equal("tag-value-inactive", Assert.Single(lessKnown.Causes).Id);
        if (withMessage)
        {
            // The product filed the $0.00 line under INT084 itself: its tags decide, as with the amount unknown.
            var named = Assert.Single(known, d => d.Code == "INT084");
            Assert.Equal(Certainty.Confirmed, named.Certainty);
            Assert.Equal("tag-value-inactive", Assert.Single(named.Causes).Id);
        }
        else
        {
            Assert.DoesNotContain(known, d => d.Code == "INT084");
            Assert.Contains(known, d => d.Code == "INT304");
        }
    }

    // Knowing less never proves more: the same document with one fact removed must not establish or rule out a cause
    // the fuller one did not. Format 1's INT083 held its mapping causes back while billable was known off in the
    // workspace (e.BillableOffInWorkspace != true), so removing billableEnabled: false from a line an INT083 message
    // named established "expense type not billable"; format 2 gives INT194 precedence with a notWhen instead.
    [Fact]
    public void Classify_Int083_RemovingBillableEnabled_NeverEstablishesNorRulesOutMore()
    {
        var fuller = Load("INT083/cause-expense-type-not-billable");
        fuller["messages"] = new JsonArray("INT083 Export Error: Expense item Gifts isn’t mapped to a valid billable expense type in Sage Intacct. Please select a category that supports billable expenses.");
        fuller["workspace"]!["coding"]!["billableEnabled"] = false;
        var lessKnown = fuller.DeepClone();
        Assert.True(lessKnown["workspace"]!["coding"]!.AsObject().Remove("billableEnabled"));

        AssertKnowingLessProvesNoMore(fuller, lessKnown, "INT083", "expense-type-not-billable");
    }

    // Format 1's INT073 held a $0.00 line's causes back in each condition (d.ZeroAmount != true), so removing the amount
    // of a line an INT073 message named established "required dimension not imported"; format 2 hides a known $0.00 line
    // with a notWhen, which never silences a line the code's message named.
    [Fact]
    public void Classify_Int073_RemovingAZeroAmount_NeverEstablishesNorRulesOutMore()
    {
        var fuller = Load("INT073/cause-required-dimension-not-imported");
        fuller["messages"] = new JsonArray("INT073 Export Error: Sage Intacct requires a tag for account 6100, preventing the expense from being created. Either remove the required field from the account in Sage Intacct or configure the field as a tag in Expensify configurations.");
        fuller["report"]!["expenses"]![0]!["amount"] = 0;
        var lessKnown = fuller.DeepClone();
        Assert.True(lessKnown["report"]!["expenses"]![0]!.AsObject().Remove("amount"));

        AssertKnowingLessProvesNoMore(fuller, lessKnown, "INT073", "required-dimension-not-imported");
    }

    private static void AssertKnowingLessProvesNoMore(JsonNode fuller, JsonNode lessKnown, string code, string cause)
    {
        var full = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(fuller.ToJsonString())).Diagnoses, d => d.Code == code);
        var less = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(lessKnown.ToJsonString())).Diagnoses, d => d.Code == code);

        Assert.Contains(full.Causes, c => c.Id == cause && c.Facts.Count > 0);
        Assert.All(less.Causes.Where(c => c.Facts.Count > 0), c => Assert.Contains(full.Causes, f => f.Id == c.Id && f.Facts.Count > 0));
        Assert.All(less.RuledOut, c => Assert.Contains(full.RuledOut, f => f.Id == c.Id));
    }

    private static JsonNode Load(string relative) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, relative + ".json")))!;

    private static IEnumerable<string> Differences(JsonNode? a, JsonNode? b, string path)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
            {
                foreach (var d in Differences(oa[key], ob[key], path.Length == 0 ? key : path + "." + key))
                {
                    yield return d;
                }
            }
        }
        else if (a is JsonArray la && b is JsonArray lb && la.Count == lb.Count && la.All(x => x is JsonObject))
        {
            for (var i = 0; i < la.Count; i++)
            {
                foreach (var d in Differences(la[i], lb[i], $"{path}[{i}]"))
                {
                    yield return d;
                }
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            yield return path;
        }
    }

    /// <summary>
    /// An absent <c>customer</c> is unknown, not "no customer chosen" (that is <c>"customer": ""</c> or <c>null</c>): a
    /// line whose project is linked to another customer was healthy once its customer was removed, which ruled out INT205's
    /// established "not linked to the customer" (the condition-level property found it).
    /// </summary>
    [Theory]
    [InlineData("cause-project-not-linked-to-customer")]
    [InlineData("near-miss-project-linked")]
    public void ProjectsOnReportHealthy_CustomerRemoved_IsUnknownNotHealthy(string caseName)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, $"INT205/{caseName}.json")))!;
        var expense = json["report"]!["expenses"]![0]!.AsObject();
        Assert.True(expense.ContainsKey("customer"));
        var choseNone = json.DeepClone();
        choseNone["report"]!["expenses"]![0]!["customer"] = "";
        var lessKnown = json.DeepClone();
        lessKnown["report"]!["expenses"]![0]!.AsObject().Remove("customer");

        Assert.NotNull(Facts(json).ProjectsOnReportHealthy);
        Assert.Null(Facts(lessKnown).ProjectsOnReportHealthy);
        Assert.True(Facts(choseNone).ProjectsOnReportHealthy);
    }
}
