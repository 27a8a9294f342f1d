using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Intacct;

/// <summary>
/// Rules that recognize Sage Intacct API error texts (<c>message.apiErrors</c>): the placeholders taken
/// from the text reach the diagnosis's subject, message, steps and evidence; wrappers never diagnose; an
/// error number alone is refused as a key.
/// </summary>
public class ApiErrorRuleTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    public static TheoryData<string, string, string, string> Captures() => new()
    {
        // code, description2, subject name, value
        { "INT073", "This transaction is missing the Location dimension for the Account 6100", "dimension", "Location" },
        { "INT073", "This transaction is missing the Location dimension for the Account 6100", "account", "6100" },
        { "INT073", "This transaction is missing the Cost Code dimension for the Account 16200 [Support ID: abc~1]", "dimension", "Cost Code" },
        // A placeholder that ends the text pattern ends with its sentence or line, not with the whole error text.
        { "INT073", "This transaction is missing the Location dimension for the Account 6100. Supply it and try again.", "account", "6100" },
        { "INT073", "This transaction is missing the Location dimension for the Account 6100.", "account", "6100" },
        { "INT073", "This transaction is missing the Location dimension for the Account 6100.v2", "account", "6100.v2" },
        { "INT035", "Date must be on or after 06/01/2026. Change the expense date.", "date", "06/01/2026" },
        { "INT084", "Invalid Project 'P-7' specified.", "project", "P-7" },
        { "INT480", "The employee isn't a resource of the project '10064'.", "project", "10064" },
        { "INT480", "The employee isn\u2019t a resource of the project \u201810064\u2019.", "project", "10064" },
        { "INT035", "Date must be on or after 06/01/2026", "date", "06/01/2026" },
        { "INT860", "GL account '16200': '16200' specified is not valid. GL account is restricted", "account", "16200" },
        { "INT860", "Location '600': '600' specified is not valid. Location is restricted by GL account.", "dimension", "Location" },
        { "INT402", "Object definition REGION not found", "dimension", "REGION" },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Classify_ApiErrorText_TakesThePlaceholderFromTheText(string code, string description2, string name, string value)
    {
        var report = Classify(Error(description2));

        var diagnosis = Assert.Single(report.Diagnoses, d => d.Code == code);
        Assert.Equal(value, diagnosis.Subject[name]);
        Assert.Contains(diagnosis.Evidence, fact => fact.StartsWith("apiErrors[#0].description2 = ", StringComparison.Ordinal));
        Assert.Empty(report.Unexplained);
    }

    [Fact]
    public void Classify_MissingDimensionText_FillsInt073MessageAndSteps()
    {
        var report = Classify(Error("This transaction is missing the Department dimension for the Account 16200"));

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal("INT073", diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.Contains("account 16200", diagnosis.Message, StringComparison.Ordinal);
        Assert.Contains(diagnosis.Steps, s => s.Action.Contains("Department", StringComparison.Ordinal) && s.Action.Contains("16200", StringComparison.Ordinal));
        Assert.Equal(["apiErrors[#0].description2 = \"This transaction is missing the Department dimension for the Account 16200\""], diagnosis.Evidence);
    }

    [Fact]
    public void Classify_DateText_FillsInt035Message()
    {
        var diagnosis = Assert.Single(Classify(Error("Date must be on or after 06/01/2026")).Diagnoses);

        Assert.Equal("INT035", diagnosis.Code);
        Assert.Contains("on or after 06/01/2026", diagnosis.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("\u2026")]
    [InlineData("<date>")]
    [InlineData("<date>.")]
    public void Classify_ElidedDate_IsRecognizedWithoutTakingThePlaceholderAsTheDate(string elided)
    {
        var diagnosis = Assert.Single(Classify(Error("Date must be on or after " + elided)).Diagnoses);

        Assert.Equal("INT035", diagnosis.Code);
        Assert.False(diagnosis.Subject.ContainsKey("date"));
    }

    [Fact]
    public void Classify_ApiTextNamingAnExpensesAccount_JoinsThatExpense()
    {
        var evidence = new SyncEvidence
        {
            SchemaVersion = 1,
            ApiErrors = [Error("This transaction is missing the Department dimension for the Account 6100")],
            Workspace = new Workspace { Coding = new CodingSettings { Categories = [new Category { Name = "Travel", AccountNumber = "6100" }, new Category { Name = "Meals", AccountNumber = "6200" }] } },
            Report = new Report { Expenses = [new Expense { Id = "E1", Category = "Meals", Amount = 10m }, new Expense { Id = "E2", Category = "Travel", Amount = 20m }] },
        };

        var diagnosis = Assert.Single(Classifier.Classify(evidence).Diagnoses, d => d.Code == "INT073");

        Assert.Contains(diagnosis.Causes, c => c.Summary.Contains("expense E2", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Causes, c => c.Summary.Contains("expense E1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("XL03000009", "Invalid Project 'P-7' specified.")]
    [InlineData("BL01001973", "Could not create APBILL record!")]
    public void Classify_Wrapper_NeverDiagnosesAndStaysListedWhenAlone(string errorNo, string description2)
    {
        var wrapper = new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Aborted, ErrorNo = errorNo, Description2 = description2, Correction = "Date must be on or after 06/01/2026" };

        var report = Classify(wrapper);

        Assert.DoesNotContain(report.Diagnoses, d => d.Code is "INT084" or "INT035");
        Assert.Equal([$"{errorNo}: {description2} Date must be on or after 06/01/2026"], report.Unexplained);
    }

    [Fact]
    public void Classify_RolledBackTransactionBesideExplainedError_IsNotListed()
    {
        var report = Classify(
            Error("Invalid Project 'P-7' specified."),
            new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Aborted, Function = "create_sotransaction", ErrorNo = "XL03000009", Description2 = "The entire transaction in this operation has been rolled back due to an error." });

        Assert.Contains(report.Diagnoses, d => d.Code == "INT084");
        Assert.Empty(report.Unexplained);
    }

    [Fact]
    public void Classify_ErrorNumberOfAMatchedTextButOtherText_IsNotRecognized()
    {
        var report = Classify(new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, ErrorNo = "BL01001973", Description2 = "Something else entirely." });

        Assert.DoesNotContain(report.Diagnoses, d => d.Code == "INT084");
        Assert.Equal(["BL01001973: Something else entirely."], report.Unexplained);
    }

    [Fact]
    public void Load_ApiErrorEntryWithoutText_IsRefusedNamingTheEntry()
    {
        var ex = LoadProblem("""{ "errorNo": "BL01001973" }""");

        Assert.Contains("$.message.apiErrors[0].text", ex, StringComparison.Ordinal);
        Assert.Contains("error number alone is never a key", ex, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ApiErrorPlaceholderThatIsNoSubjectName_IsRefused()
    {
        var ex = LoadProblem("""{ "text": "Invalid {thing} specified" }""");

        Assert.Contains("$.message.apiErrors[0].text", ex, StringComparison.Ordinal);
        Assert.Contains("{thing} is not a subject name", ex, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ApiErrorEntryNarrowedByNumber_MatchesOnlyThatNumber()
    {
        using var directory = new TempRules("""{ "text": "Widget {project} exploded", "errorNo": "BL99" }""");
        var classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions { RuleDirectories = { directory.Path } }, new RuleCorpusTests.FixedTime());

        var matched = classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = [Error("Widget W1 exploded", "BL99")] });
        var other = classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = [Error("Widget W1 exploded", "BL98")] });

        Assert.Equal("W1", Assert.Single(matched.Diagnoses, d => d.Code == "INT205").Subject["project"]);
        Assert.DoesNotContain(other.Diagnoses, d => d.Code == "INT205" && d.Subject.ContainsKey("project") && d.Subject["project"] == "W1");
    }

    private static DiagnosisReport Classify(params ApiError[] errors) => Classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = errors });

    private static ApiError Error(string description2, string? errorNo = null) =>
        new() { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, Function = "create", ErrorNo = errorNo, Description2 = description2 };

    private static string LoadProblem(string entry)
    {
        using var directory = new TempRules(entry);
        var ex = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(new IntacctSyncRulesOptions { RuleDirectories = { directory.Path } }, new RuleCorpusTests.FixedTime()));
        return ex.Message;
    }

    /// <summary>A rule directory with an override of INT205 whose message section has one API error entry.</summary>
    private sealed class TempRules : IDisposable
    {
        public TempRules(string entry)
        {
            Path = Directory.CreateTempSubdirectory("intacctsync-api-rules-").FullName;
            var rule = File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "rules", "export", "INT205.json"));
            var at = rule.IndexOf("\"message\": {", StringComparison.Ordinal) + "\"message\": {".Length;
            rule = rule[..at] + "\n    \"apiErrors\": [ " + entry + " ]," + rule[at..];
            at = rule.IndexOf('{', StringComparison.Ordinal) + 1;
            rule = rule[..at] + "\n  \"override\": true," + rule[at..];
            File.WriteAllText(System.IO.Path.Combine(Path, "INT205.json"), rule);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
