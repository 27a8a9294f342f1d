using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using static IntacctSync.Rules.Tests.Rules.RuleCases;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// The "Access" codes (sign-in, sessions and connection: INT122, INT176, INT907, INT993; permissions:
/// INT245, INT043; the Expensify Card liability account: INT068, INT498; Time &amp; Expenses set-up:
/// INT503, INT576, INT012), asserted directly: the cause each structured case establishes, the
/// message-only and near-miss cases, the neighbour pairs told apart by one flipped fact, and every
/// template and alternate recognized from a pasted message.
/// </summary>
public class AccessRuleTests
{
    private static readonly string[] Codes = ["INT122", "INT176", "INT907", "INT993", "INT245", "INT043", "INT068", "INT498", "INT576", "INT503", "INT012"];

    public static TheoryData<string, string, string> EstablishedCauses() => new()
    {
        { "INT122", "cause-sender-id-not-authorized", "sender-id-not-authorized" },
        { "INT122", "api-sender-id-not-authorized", "sender-id-not-authorized" },
        { "INT122", "api-partner-id-incorrect", "sender-id-not-authorized" },
        { "INT122", "cause-credentials-wrong", "credentials-wrong" },
        { "INT122", "api-sign-in-incorrect", "credentials-wrong" },
        { "INT122", "cause-password-changed", "password-changed" },
        { "INT122", "cause-password-expired", "password-expired" },
        { "INT122", "cause-user-inactive", "user-inactive" },
        { "INT122", "cause-request-not-validated", "request-not-validated" },
        { "INT122", "cause-web-services-not-subscribed", "web-services-not-subscribed" },
        { "INT245", "cause-module-permissions-missing", "module-permissions-missing" },
        { "INT245", "cause-subscription-incomplete", "subscription-incomplete" },
        { "INT245", "cause-reimbursable-option-unset", "reimbursable-option-unset" },
        { "INT245", "cause-time-and-expenses-not-used", "time-and-expenses-not-used" },
        { "INT043", "cause-user-subscriptions-missing", "user-subscriptions-missing" },
        { "INT043", "cause-role-subscriptions-missing", "role-subscriptions-missing" },
        { "INT043", "cause-module-not-enabled", "module-not-enabled" },
        { "INT068", "cause-top-level-sync", "top-level-sync" },
        { "INT068", "cause-no-account-rights", "no-account-rights" },
        { "INT068", "cause-cannot-create-at-entity", "cannot-create-at-entity" },
        { "INT498", "cause-cash-journal-missing", "cash-journal-missing" },
        { "INT498", "cause-accrual-journal-missing", "accrual-journal-missing" },
        { "INT503", "cause-expense-type-disabled", "expense-type-disabled" },
        { "INT576", "cause-no-expense-types", "no-expense-types" },
        { "INT576", "cause-no-expense-types-empty-list", "no-expense-types" },
        { "INT012", "cause-reason-for-expense-required", "reason-for-expense-required" },
        { "INT176", "cause-session-not-initialized", "session-not-initialized" },
        { "INT176", "api-get-api-session-failed", "session-not-initialized" },
        { "INT176", "cause-credentials-temporarily-invalid", "credentials-temporarily-invalid" },
        { "INT176", "cause-connection-interrupted", "connection-interrupted" },
        { "INT176", "cause-backend-problem", "backend-problem" },
        { "INT993", "cause-session-interrupted", "session-interrupted" },
        { "INT993", "cause-credentials-expired", "credentials-expired" },
        { "INT993", "cause-intacct-unavailable", "intacct-unavailable" },
        { "INT993", "cause-needs-reauthorization", "needs-reauthorization" },
        { "INT907", "cause-configuration-incomplete", "configuration-incomplete" },
        { "INT907", "cause-setup-fields-incorrect", "setup-fields-incorrect" },
        { "INT907", "cause-stored-authentication-invalid", "stored-authentication-invalid" },
        { "INT907", "cause-user-permissions-changed", "user-permissions-changed" },
        { "INT907", "cause-reauthorization-required", "reauthorization-required" },
    };

    [Theory]
    [MemberData(nameof(EstablishedCauses))]
    public void Classify_CauseInEvidence_ConfirmsThatCauseWithFacts(string code, string caseName, string cause)
    {
        var report = Classify(code, caseName);

        var diagnosis = Assert.Single(report.Diagnoses, d => d.Code == code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var established = Assert.Single(diagnosis.Causes, c => c.Id == cause);
        Assert.NotEmpty(established.Facts);
        Assert.DoesNotContain(established.Facts, f => f.EndsWith("= not listed", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Steps, s => s.Cause is { } c && diagnosis.RuledOut.Any(r => r.Id == c));
        Assert.Equal(Enumerable.Range(1, diagnosis.Steps.Count), diagnosis.Steps.Select(s => s.Order));
        Assert.DoesNotContain(report.Diagnoses, d => d.Code == "UNCLASSIFIED");
    }

    [Theory]
    [InlineData("INT122", "cause-password-changed", "connection.credentialsValid = false")]
    [InlineData("INT122", "api-sender-id-not-authorized", "apiErrors[errorNo=XL03000006].description2 = \"The sender ID 'expensify' is not authorized to make Web Services requests to company ID 'acme-demo'.\"")]
    [InlineData("INT245", "cause-module-permissions-missing", "workspace.export.reimbursable = \"expenseReport\"")]
    [InlineData("INT068", "cause-top-level-sync", "connection.syncLevel = \"topLevel\"")]
    [InlineData("INT068", "cause-no-account-rights", "webServicesUser.objects[GLACCOUNT] = [\"list\",\"view\"]")]
    [InlineData("INT498", "cause-cash-journal-missing", "workspace.expensifyCard.cashJournal = \"\"")]
    [InlineData("INT503", "cause-expense-type-disabled", "intacct.timeAndExpenses.expenseTypesEnabled = false")]
    [InlineData("INT576", "cause-no-expense-types", "intacct.timeAndExpenses.expenseTypeCount = 0")]
    [InlineData("INT012", "cause-reason-for-expense-required", "intacct.timeAndExpenses.reasonForExpenseRequired = true")]
    [InlineData("INT176", "cause-session-not-initialized", "connection.sessionStarted = false")]
    [InlineData("INT993", "cause-intacct-unavailable", "apiErrors[object=cctransaction].httpStatus = 503")]
    [InlineData("INT907", "cause-configuration-incomplete", "connection.configurationValid = false")]
    public void Classify_CauseInEvidence_CitesTheDecidingFact(string code, string caseName, string fact)
    {
        var diagnosis = Assert.Single(Classify(code, caseName).Diagnoses, d => d.Code == code);

        Assert.Contains(diagnosis.Causes, c => c.Facts.Contains(fact));
    }

    [Theory]
    [InlineData("INT122", ErrorKind.Authentication)]
    [InlineData("INT176", ErrorKind.Authentication)]
    [InlineData("INT907", ErrorKind.Connection)]
    [InlineData("INT993", ErrorKind.Export)]
    [InlineData("INT245", ErrorKind.Sync)]
    [InlineData("INT043", ErrorKind.Export)]
    [InlineData("INT068", ErrorKind.Sync)]
    [InlineData("INT498", ErrorKind.Sync)]
    [InlineData("INT576", ErrorKind.Sync)]
    [InlineData("INT503", ErrorKind.Export)]
    [InlineData("INT012", ErrorKind.Export)]
    public void Classify_MessageOnly_IsLikelyCitingTheMessageAndListsMissingEvidence(string code, ErrorKind kind)
    {
        var report = Classify(code, "message-only");

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.NotEmpty(diagnosis.Causes);
        Assert.StartsWith("messages[0] = ", Assert.Single(diagnosis.Evidence), StringComparison.Ordinal);
        Assert.All(diagnosis.Causes, c => Assert.Empty(c.Facts));
        Assert.NotEmpty(diagnosis.MissingEvidence);
        Assert.DoesNotContain("[", diagnosis.Message, StringComparison.Ordinal);
        Assert.Empty(report.Unexplained);
        Assert.Equal(kind, diagnosis.Kind);
    }

    [Theory]
    [InlineData("INT122", "near-miss-sign-in-works")]
    [InlineData("INT122", "near-miss-export-operation")]
    [InlineData("INT245", "near-miss-vendor-bills-without-time-and-expenses")]
    [InlineData("INT245", "near-miss-sign-in-fails")]
    [InlineData("INT043", "near-miss-unneeded-modules")]
    [InlineData("INT068", "near-miss-auto-reconciliation-off")]
    [InlineData("INT498", "near-miss-card-not-used")]
    [InlineData("INT503", "near-miss-vendor-bill")]
    [InlineData("INT576", "near-miss-vendor-bill")]
    [InlineData("INT012", "near-miss-vendor-bill")]
    [InlineData("INT176", "near-miss-session-started")]
    [InlineData("INT993", "near-miss-data-detail")]
    [InlineData("INT907", "near-miss-configuration-valid")]
    public void Classify_NearMiss_DoesNotProduceTheCode(string code, string caseName)
    {
        var report = Classify(code, caseName);

        Assert.DoesNotContain(report.Diagnoses, d => d.Code == code);
        Assert.NotEmpty(report.Diagnoses);
    }

    [Fact]
    public void Classify_NearMissWithoutOtherEvidence_FallsBackToUnclassified()
    {
        foreach (var (code, caseName) in new[] { ("INT122", "near-miss-sign-in-works"), ("INT245", "near-miss-vendor-bills-without-time-and-expenses"), ("INT043", "near-miss-unneeded-modules"), ("INT907", "near-miss-configuration-valid") })
        {
            var fallback = Assert.Single(Classify(code, caseName).Diagnoses);
            Assert.Equal("UNCLASSIFIED", fallback.Code);
        }
    }

    // INT245's message was seen while signing in fails: INT122 is the failure, and INT245's message is still
    // accounted for. Its module rights are below the baseline, a second problem the person must fix too; a notWhen
    // never makes a seen message of its code vanish.
    [Fact]
    public void Classify_SignInFailsAndInt245MessageSeen_ReportsInt122FirstAndInt245WithItsMessage()
    {
        var report = Classify("INT245", "message-seen-while-sign-in-fails");

        Assert.Equal(["INT122", "INT245"], report.Diagnoses.Select(d => d.Code));
        Assert.Equal("sender-id-not-authorized", Assert.Single(report.Diagnoses[0].Causes).Id);
        var int245 = report.Diagnoses[1];
        Assert.Equal("module-permissions-missing", Assert.Single(int245.Causes).Id);
        Assert.StartsWith("messages[0] = ", Assert.Single(int245.Evidence), StringComparison.Ordinal);
        Assert.Empty(report.Unexplained);
    }

    // ---- Neighbour pairs: the same evidence, one fact flipped.

    [Fact]
    public void Neighbours_Int122VsInt245_ToldApartByWhetherTheLoginWorks()
    {
        var fails = Classify("INT122", "neighbour-login-fails");
        var works = Classify("INT245", "neighbour-login-works");

        var int122 = Assert.Single(fails.Diagnoses);
        Assert.Equal("INT122", int122.Code);
        Assert.Equal(Certainty.Confirmed, int122.Certainty);
        Assert.Contains("connection.credentialsValid = false", int122.Causes.SelectMany(c => c.Facts));

        var int245 = Assert.Single(works.Diagnoses);
        Assert.Equal("INT245", int245.Code);
        Assert.Equal("module-permissions-missing", Assert.Single(int245.Causes).Id);

        var flipped = WithConnection(Read("INT122", "neighbour-login-fails"), c => new Connection
        {
            CompanyId = c.CompanyId,
            SenderIdAuthorized = c.SenderIdAuthorized,
            PasswordExpired = c.PasswordExpired,
            EverSucceeded = c.EverSucceeded,
            CredentialsValid = true,
        });
        Assert.Equal(["INT245"], Classifier.Classify(flipped).Diagnoses.Select(d => d.Code));
    }

    [Fact]
    public void Neighbours_Int068VsInt498_ToldApartByTheJournals()
    {
        var configured = Classify("INT068", "neighbour-journals-configured");
        var missing = Classify("INT498", "neighbour-journals-missing");

        var int068 = Assert.Single(configured.Diagnoses);
        Assert.Equal("INT068", int068.Code);
        Assert.Equal("top-level-sync", Assert.Single(int068.Causes).Id);

        var int498 = Assert.Single(missing.Diagnoses);
        Assert.Equal("INT498", int498.Code);
        Assert.Equal("cash-journal-missing", Assert.Single(int498.Causes).Id);
        Assert.Equal(["accrual-journal-missing"], int498.RuledOut.Select(r => r.Id));
    }

    [Fact]
    public void Neighbours_Int503VsInt576_ToldApartByTheExpenseTypeFeature()
    {
        var disabled = Classify("INT503", "neighbour-feature-disabled");
        var noTypes = Classify("INT576", "neighbour-no-expense-types");

        var int503 = Assert.Single(disabled.Diagnoses);
        Assert.Equal("INT503", int503.Code);
        Assert.Equal("expense-type-disabled", Assert.Single(int503.Causes).Id);

        var int576 = Assert.Single(noTypes.Diagnoses);
        Assert.Equal("INT576", int576.Code);
        Assert.Equal("no-expense-types", Assert.Single(int576.Causes).Id);
    }

    [Fact]
    public void Neighbours_Int176VsInt993VsInt907_ToldApartBySessionAndConfiguration()
    {
        var sessionStarted = Classify("INT993", "neighbour-session-started");
        var sessionFailed = Classify("INT176", "neighbour-session-not-started");
        var configurationInvalid = Classify("INT907", "neighbour-configuration-invalid");

        var int993 = Assert.Single(sessionStarted.Diagnoses);
        Assert.Equal("INT993", int993.Code);
        Assert.Equal(Certainty.Confirmed, int993.Certainty);
        Assert.Equal("intacct-unavailable", Assert.Single(int993.Causes).Id);

        var int176 = Assert.Single(sessionFailed.Diagnoses);
        Assert.Equal("INT176", int176.Code);
        Assert.Contains(int176.Causes, c => c.Id == "session-not-initialized" && c.Facts.Contains("connection.sessionStarted = false"));

        var int907 = Assert.Single(configurationInvalid.Diagnoses);
        Assert.Equal("INT907", int907.Code);
        Assert.Contains(int907.Causes, c => c.Id == "configuration-incomplete" && c.Facts.Contains("connection.configurationValid = false"));
    }

    [Theory]
    [InlineData("INT176", "INT176")]
    [InlineData("INT993", "INT993")]
    [InlineData("INT907", "INT907")]
    public void Neighbours_SessionCodes_TheMessageDecidesWhenFactsAreSilent(string messageCode, string expected)
    {
        var text = messageCode switch
        {
            "INT176" => "INT176: Session initialization error.",
            "INT993" => "INT993 Export Error: Could not create 'cctransaction' record in Sage Intacct.",
            _ => "INT907 Error: Invalid connection configuration.",
        };
        var evidence = new SyncEvidence
        {
            Operation = SyncOperation.Export,
            Messages = [text],
            Connection = new Connection { CredentialsValid = false, EverSucceeded = true },
        };

        Assert.Equal([expected], Classifier.Classify(evidence).Diagnoses.Select(d => d.Code));
    }

    [Fact]
    public void Neighbours_Int907MessageWithRefusedCredentials_IsInt907NotInt122()
    {
        var report = Classify("INT907", "cause-stored-authentication-invalid");

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal("INT907", diagnosis.Code);
        Assert.Equal("stored-authentication-invalid", Assert.Single(diagnosis.Causes).Id);
    }

    // ---- Every template and alternate, recognized from a pasted message.

    public static TheoryData<string, string> Templates() => new()
    {
        { "INT122", "INT122 Sync Error: Authentication error during sync. Please reenter Sage Intacct admin credentials and attempt sync again." },
        { "INT122", "Sage Intacct experienced the following error trying to synchronize your workspace: Authentication error." },
        { "INT176", "INT176 Export Error: Session initialization error. Please reach out to Concierge for additional support." },
        { "INT176", "INT176: Session initialization error." },
        { "INT907", "INT907 Error: Invalid connection configuration." },
        { "INT907", "INT907: Invalid connection configuration." },
        { "INT993", "INT993 Export Error: Could not create 'cctransaction' record in Sage Intacct." },
        { "INT245", "INT245 Sync Error: Invalid credentials for Sage Intacct. The Sage Intacct user is missing required permissions or the reimbursable export option isn’t fully configured." },
        { "INT245", "INT245: Invalid credentials for Sage Intacct." },
        { "INT043", "INT043 Export Error: The 'xml_gateway' user is missing required permissions in Sage Intacct. Please update the user or role permissions." },
        { "INT043", "ExpensiError INT043: Not Authorized to Execute This Function" },
        { "INT068", "INT068 Sync Error: Sage Intacct couldn’t create a liability credit card account. When the Expensify Card is used, exports must be configured at the entity level for reconciliation." },
        { "INT498", "INT498 Sync Error: Sage Intacct couldn’t create the liability credit card because journal accounts aren’t configured." },
        { "INT498", "INT498: Liability credit card could not be created." },
        { "INT576", "INT576 Sync Error: No Expense Types found. The connection is set to export as Expense Reports, but no “Expense Types” exist in Sage Intacct." },
        { "INT576", "INT576 Sync Error: No Expense Types found. The connection in Expensify is set to export as Expense Reports, but no 'expense types' exist in Sage Intacct." },
        { "INT503", "INT503 Export Error: Sage Intacct couldn’t create the expense record because “Expense Type” isn’t enabled." },
        { "INT503", "INT503 Export Error: Sage Intacct couldn’t create the expense record because ‘Expense Type’ isn’t enabled." },
        { "INT012", "INT012 Export Error: Sage Intacct requires a 'Reason for Expense' note. Please update your Intacct settings to continue." },
        { "INT012", "INT012: Reason for Expense note required." },
        { "INT012", "ExpensiError INT012: \"Reason for expense\" note is invalid" },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Classify_TemplateInAnyForm_IsRecognizedAsItsCode(string code, string template)
    {
        foreach (var text in Variants(template))
        {
            var report = Classifier.Classify(new SyncEvidence { Messages = [text] });

            var diagnosis = Assert.Single(report.Diagnoses);
            Assert.True(code == diagnosis.Code, $"\"{text}\" was classified as {diagnosis.Code}, not {code}");
            Assert.Equal(Certainty.Likely, diagnosis.Certainty);
            Assert.Empty(report.Unexplained);
        }
    }

    [Fact]
    public void Classify_LegacyInt122HeadingWithoutCode_IsRecognizedByItsWording()
    {
        var report = Classifier.Classify(new SyncEvidence { Messages = ["sage intacct experienced the following error trying to synchronize your workspace:   authentication error."] });

        Assert.Equal("INT122", Assert.Single(report.Diagnoses).Code);
    }

    [Fact]
    public void Classify_HealthyEvidenceForAccessFacts_GivesNothing()
    {
        var evidence = new SyncEvidence
        {
            Operation = SyncOperation.Sync,
            Outcome = SyncOutcome.Succeeded,
            Connection = new Connection { SenderIdAuthorized = true, CredentialsValid = true, PasswordExpired = false, SessionStarted = true, ConfigurationValid = true, SyncLevel = SyncLevel.Entity, EntityId = "US01", EverSucceeded = true },
            WebServicesUser = new WebServicesUser
            {
                UserId = "xmlgateway_expensify",
                Active = true,
                Modules = new ModuleRights { Administration = ModuleAccess.All, Company = ModuleAccess.ReadOnly, CashManagement = ModuleAccess.All, GeneralLedger = ModuleAccess.All, TimeAndExpenses = ModuleAccess.All, Projects = ModuleAccess.ReadOnly, AccountsPayable = ModuleAccess.All },
                Objects = new Dictionary<string, IReadOnlyList<ObjectRight>> { ["GLACCOUNT"] = [ObjectRight.List, ObjectRight.View, ObjectRight.Add, ObjectRight.Edit, ObjectRight.Delete] },
                Entities = ["US01"],
            },
            Intacct = new IntacctCompany { TimeAndExpenses = new TimeAndExpensesSettings { Subscribed = true, ExpenseTypesEnabled = true, ExpenseTypeCount = 8, ReasonForExpenseRequired = false } },
            Workspace = new Workspace
            {
                Export = new ExportSettings { Reimbursable = ReimbursableExport.ExpenseReport, NonReimbursable = NonReimbursableExport.CreditCard },
                ExpensifyCard = new ExpensifyCardSettings { Enabled = true, AutoReconciliation = true, CashJournal = "Cash", AccrualJournal = "Accrual" },
            },
        };

        Assert.Empty(Classifier.Classify(evidence).Diagnoses);
    }

    [Fact]
    public void Cases_EveryAccessCode_HasCauseMessageAndNearMissCases()
    {
        var files = RuleCorpusTests.CaseFiles().ToList();
        foreach (var code in Codes)
        {
            Assert.Contains($"{code}/message-only.json", files);
            Assert.Contains(files, f => f.StartsWith($"{code}/cause-", StringComparison.Ordinal));
            Assert.Contains(files, f => f.StartsWith($"{code}/near-miss-", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> Variants(string template)
    {
        yield return template;
        yield return template.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
        yield return Typographic(template);
        yield return "  " + template.Replace(" ", "   \n ", StringComparison.Ordinal) + "  ";
        yield return template.ToLowerInvariant();
    }

    private static string Typographic(string text)
    {
        var chars = text.ToCharArray();
        var open = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\'')
            {
                chars[i] = i > 0 && char.IsLetter(chars[i - 1]) ? '’' : (open ? '‘' : '’');
                open = !open;
            }
            else if (chars[i] == '"')
            {
                chars[i] = open ? '“' : '”';
                open = !open;
            }
        }

        return new string(chars);
    }

    private static SyncEvidence WithConnection(SyncEvidence evidence, Func<Connection, Connection> change) => new()
    {
        Operation = evidence.Operation,
        Outcome = evidence.Outcome,
        ObservedAt = evidence.ObservedAt,
        Messages = evidence.Messages,
        ApiErrors = evidence.ApiErrors,
        Connection = change(evidence.Connection!),
        WebServicesUser = evidence.WebServicesUser,
        Intacct = evidence.Intacct,
        Workspace = evidence.Workspace,
        Report = evidence.Report,
    };
}
