using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Classification;

/// <summary>
/// An API error proves what the call touched, not what the workspace imports (issue 16): "Object definition X not
/// found" alone leaves INT402 likely, rules out the causes that presuppose X exists, asks for the workspace's entry,
/// and cites the error's text, never its number.
/// </summary>
public sealed class ApiErrorClaimsTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create();

    private const string LoneNotFound = """
        { "schemaVersion": 1, "apiErrors": [ { "api": "xml", "function": "read", "errorNo": "XXX", "description": "", "description2": "Object definition VENDOR2 not found" } ] }
        """;

    private const string NotFoundAndImported = """
        { "schemaVersion": 1, "operation": "sync",
          "workspace": { "coding": { "dimensions": [ { "id": "VENDOR2", "enabled": true, "importAs": "tag" } ] } },
          "apiErrors": [ { "api": "xml", "function": "read", "errorNo": "XXX", "description": "", "description2": "Object definition VENDOR2 not found" } ] }
        """;

    [Fact]
    public void Classify_LoneNotFoundError_IsLikelyAndClaimsNothingAboutTheWorkspace()
    {
        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(LoneNotFound)).Diagnoses);

        Assert.Equal("INT402", diagnosis.Code);
        Assert.Equal(Certainty.Likely, diagnosis.Certainty);
        Assert.All(diagnosis.Causes, c => Assert.Empty(c.Facts));
        Assert.Equal(["udd-inactive", "udd-not-configured", "user-cannot-read-udd"], diagnosis.RuledOut.Select(c => c.Id).Order());
        Assert.All(diagnosis.RuledOut, c => Assert.Equal(["apiErrors[#0].description2 = \"Object definition VENDOR2 not found\""], c.Facts));
        Assert.Contains(diagnosis.MissingEvidence, m => m.Field == "workspace.coding.dimensions[VENDOR2].enabled");
        Assert.DoesNotContain(diagnosis.Steps, s => s.Cause is "udd-inactive" or "udd-not-configured" or "user-cannot-read-udd");
        // Neither cited as proof nor used as a key: XXX is a filler, not an Intacct error number.
        Assert.DoesNotContain(AllFacts(diagnosis).Concat(diagnosis.MissingEvidence.Select(m => m.Field)), f => f.Contains("errorNo", StringComparison.Ordinal) || f.Contains("XXX", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_NotFoundForADimensionTheWorkspaceImports_ConfirmsNotSetUpCitingBoth()
    {
        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(NotFoundAndImported)).Diagnoses);

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var cause = Assert.Single(diagnosis.Causes);
        Assert.Equal("udd-not-set-up-in-intacct", cause.Id);
        Assert.Equal(
            ["workspace.coding.dimensions[VENDOR2].enabled = true", "apiErrors[#0].description2 = \"Object definition VENDOR2 not found\""],
            cause.Facts);
    }

    // A document rule cites the error that established its cause, wherever it sits: here the sign-in refusal comes
    // after an unrelated read error, and citing the first error (as "apiErrors[#0]" once did) would cite nothing true.
    [Theory]
    [InlineData("request-not-validated", "XL03000009", "Unable to validate the request", "apiErrors[errorNo=XL03000009].description2")]
    [InlineData("credentials-wrong", "XMLGW_JPP0002", "Sign-in information is incorrect", "apiErrors[#1].description2")]
    public void Classify_SignInErrorAfterAnother_CitesTheSignInError(string cause, string errorNo, string text, string expectedFact)
    {
        var evidence = new SyncEvidence
        {
            SchemaVersion = 1,
            Operation = SyncOperation.Sync,
            Connection = new Connection { EverSucceeded = false },
            ApiErrors =
            [
                new ApiError { Api = IntacctApi.Xml, Function = "readByQuery", Level = ApiErrorLevel.Result, ErrorNo = "BL01001973", Description = "", Description2 = "" },
                new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Authentication, Status = ApiResultStatus.Failure, ErrorNo = errorNo, Description = "", Description2 = text },
            ],
        };

        var diagnosis = Assert.Single(Classifier.Classify(evidence).Diagnoses, d => d.Code == "INT122");

        var established = Assert.Single(diagnosis.Causes, c => c.Id == cause);
        Assert.Contains(expectedFact + " = \"" + text + "\"", established.Facts);
        Assert.DoesNotContain(established.Facts, f => f.StartsWith("apiErrors[#0]", StringComparison.Ordinal) || f.Contains("BL01001973", StringComparison.Ordinal));
    }

    // The dimension's first API error says nothing; the second denies permission on its object. The rights cause is
    // proved by the second, so it cites the second (citing the first, as "{apiError}" did, cited no fact at all).
    [Fact]
    public void Classify_PermissionDenialAfterAnEmptyErrorOfTheDimension_CitesTheDenial()
    {
        const string Json = """
            { "schemaVersion": 1, "operation": "sync",
              "messages": ["INT402 Sync Error: Sage Intacct couldn't return values for dimension GLACCOUNT. This typically occurs when user-defined dimensions aren't set up correctly or are missing permissions."],
              "apiErrors": [
                { "api": "xml", "level": "result", "function": "readByQuery", "object": "glaccount", "errorNo": "BL01001973", "description": "", "description2": "" },
                { "api": "rest", "function": "readByQuery", "errorNo": "BL01001973", "correction": "You do not have permission for API operation READ_BY_QUERY on objects of type glaccount" } ],
              "intacct": { "dimensions": [ { "id": "glaccount", "label": "GLACCOUNT", "valuesReturned": 0 } ] } }
            """;

        var diagnosis = Assert.Single(Classifier.Classify(SyncEvidenceJson.Read(Json)).Diagnoses, d => d.Code == "INT402");

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var cause = Assert.Single(diagnosis.Causes, c => c.Id == "user-cannot-read-udd");
        Assert.Equal(["apiErrors[#1].correction = \"You do not have permission for API operation READ_BY_QUERY on objects of type glaccount\""], cause.Facts);
    }

    // A permission refused on one of Sage Intacct's own objects is the phase's module-permission code, naming the
    // object and the application whose permissions cover it: INT245 at sync, INT043 at export; with the phase unknown,
    // a refused write is the export's (a sync only reads). A refused read with the phase unknown: the next test.
    [Theory]
    [InlineData("sync", "readByQuery", "You do not have permission for API operation READ_BY_QUERY on objects of type glaccount", "GLACCOUNT", "INT245", "General Ledger")]
    [InlineData("export", "readByQuery", "You do not have permission for API operation READ_BY_QUERY on objects of type glaccount", "GLACCOUNT", "INT043", "General Ledger")]
    [InlineData("export", "create", "You do not have permission for API operation CREATE on objects of type vendor", "VENDOR", "INT043", "Accounts Payable")]
    [InlineData(null, "create", "You do not have permission for API operation CREATE on objects of type eexpenses", "EEXPENSES", "INT043", "Time & Expenses")]
    public void Classify_PermissionRefusedOnAStandardObject_IsThePhasesModuleCodeNamingObjectAndModule(string? operation, string function, string text, string intacctObject, string code, string module)
    {
        var evidence = new SyncEvidence
        {
            SchemaVersion = 1,
            Operation = operation switch { "sync" => SyncOperation.Sync, "export" => SyncOperation.Export, _ => null },
            ApiErrors = [new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, Function = function, ErrorNo = "PL04000005", Description = "", Description2 = text }],
        };

        var report = Classifier.Classify(evidence);

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal(code, diagnosis.Code);
        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var cause = Assert.Single(diagnosis.Causes);
        Assert.Equal("object-permission-denied", cause.Id);
        Assert.Contains(intacctObject, cause.Summary, StringComparison.Ordinal);
        Assert.Contains(module, cause.Summary, StringComparison.Ordinal);
        Assert.Contains($"apiErrors[errorNo=PL04000005].description2 = \"{text}\"", cause.Facts);
        Assert.Contains(diagnosis.Steps, s => s.Cause == "object-permission-denied" && s.Action.Contains(module, StringComparison.Ordinal) && s.Action.Contains(intacctObject, StringComparison.Ordinal));
        Assert.Empty(report.Unexplained);
    }

    // A refused read may be either job's (an export reads vendors, employees and accounts too), so with the phase unknown
    // it decides neither code: both are possible, each lists the refusal as what it saw (cited, so the error is explained)
    // and asks which job failed. Read as the sync's, removing "operation": "export" from an export's refusal made INT245
    // confirmed where INT043 had been.
    [Fact]
    public void Classify_ReadRefusedWithThePhaseUnknown_IsPossibleForBothPhasesAndAsksWhichJobFailed()
    {
        const string Text = "You do not have permission for API operation READ_BY_QUERY on objects of type project";
        ApiError Refusal() => new() { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, Function = "readByQuery", ErrorNo = "PL04000005", Description = "", Description2 = Text };

        var report = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = [Refusal()] });
        var export = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, Operation = SyncOperation.Export, ApiErrors = [Refusal()] });

        Assert.Equal(["INT245", "INT043"], report.Diagnoses.Select(d => d.Code));
        Assert.All(report.Diagnoses, d =>
        {
            Assert.Equal(Certainty.Possible, d.Certainty);
            var cause = Assert.Single(d.Causes, c => c.Id == "object-permission-denied");
            Assert.Contains($"apiErrors[errorNo=PL04000005].description2 = \"{Text}\"", cause.Facts);
            Assert.Contains(d.MissingEvidence, m => m.Field == "operation");
            Assert.Contains(d.Steps, s => s.Cause == "object-permission-denied" && s.Action.Contains("Projects", StringComparison.Ordinal));
        });
        Assert.Empty(report.Unexplained);
        Assert.Equal(("INT043", Certainty.Confirmed), (Assert.Single(export.Diagnoses).Code, export.Diagnoses[0].Certainty));
    }

    // Removing operation may leave a refusal's job unknown, never move it to the other job: a refused write is the export's
    // whatever operation says (a sync that "refuses a CREATE" holds an export's error), a refused read is operation's.
    [Theory]
    [InlineData("sync", "CREATE")]
    [InlineData("export", "CREATE")]
    [InlineData("sync", "READ_BY_QUERY")]
    [InlineData("export", "READ_BY_QUERY")]
    public void DenialFacts_OperationRemoved_StayOrBecomeUnknown(string operation, string verb)
    {
        SyncEvidence Evidence(SyncOperation? job) => new()
        {
            SchemaVersion = 1,
            Operation = job,
            ApiErrors = [new ApiError { Api = IntacctApi.Xml, ErrorNo = "PL04000005", Description2 = $"You do not have permission for API operation {verb} on objects of type apbill" }],
        };
        var fuller = new IntacctSync.Rules.Rules.Subjects.EvidenceFacts(Evidence(operation == "sync" ? SyncOperation.Sync : SyncOperation.Export), new RuleCorpusTests.FixedTime());
        var lessKnown = new IntacctSync.Rules.Rules.Subjects.EvidenceFacts(Evidence(null), new RuleCorpusTests.FixedTime());

        Assert.NotNull(fuller.SyncPermissionDeniedOnStandardObject);
        Assert.NotNull(fuller.ExportPermissionDeniedOnStandardObject);
        Assert.True(lessKnown.SyncPermissionDeniedOnStandardObject is null || lessKnown.SyncPermissionDeniedOnStandardObject == fuller.SyncPermissionDeniedOnStandardObject);
        Assert.True(lessKnown.ExportPermissionDeniedOnStandardObject is null || lessKnown.ExportPermissionDeniedOnStandardObject == fuller.ExportPermissionDeniedOnStandardObject);
    }

    [Fact]
    public void Classify_PermissionRefusedWithNeitherPhaseNorOperationKnown_ConfirmsNoModuleCode()
    {
        var evidence = new SyncEvidence
        {
            SchemaVersion = 1,
            ApiErrors = [new ApiError { Api = IntacctApi.Xml, Object = "GLACCOUNT", ErrorNo = "PL04000005", Description = "", Description2 = "You do not have permission to perform this action." }],
        };

        Assert.DoesNotContain(Classifier.Classify(evidence).Diagnoses, d => d.Certainty == Certainty.Confirmed);
    }

    // Errors about the company's or the service's state stop every request at control level: whoever signs in, so
    // they confirm no authentication code; the failed job falls back, with the error listed.
    [Theory]
    [InlineData("PL04000055", null, "This company is a demo company and has expired.")]
    [InlineData("XL03000001", null, "The company subscription has expired; contact your administrator.")]
    [InlineData("GW-0001", 503, "Service temporarily unavailable")]
    [InlineData("GW-0010", 429, "API rate limit exceeded")]
    public void Classify_CompanyOrServiceStateError_ConfirmsNoAuthenticationCode(string errorNo, int? httpStatus, string text)
    {
        var evidence = new SyncEvidence
        {
            SchemaVersion = 1,
            Operation = SyncOperation.Sync,
            ApiErrors = [new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Control, Status = ApiResultStatus.Failure, ErrorNo = errorNo, HttpStatus = httpStatus, Description = "", Description2 = text }],
        };

        var report = Classifier.Classify(evidence);

        Assert.DoesNotContain(report.Diagnoses, d => d.Kind == ErrorKind.Authentication && d.Certainty == Certainty.Confirmed);
        Assert.True(report.Unexplained.Any(u => u.Contains(text, StringComparison.Ordinal)) || report.Diagnoses.Any(d => d.Evidence.Any(e => e.Contains(text, StringComparison.Ordinal))));
    }

    // "Could not create cctransaction record!" only repeats that the call failed: with a sibling error of the same
    // call that says why (a restricted account), INT993 (a failure with no data-specific detail) is not the answer.
    [Fact]
    public void Classify_CardTransactionWrapperBesideASpecificError_IsNotInt993()
    {
        var wrapper = new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, Function = "create", ErrorNo = "BL34000061", Description = "", Description2 = "Could not create cctransaction record!" };
        var specific = new ApiError { Api = IntacctApi.Xml, Level = ApiErrorLevel.Result, Status = ApiResultStatus.Failure, Function = "create", ErrorNo = "BL01001973", Description = "", Description2 = "The account 6100 is restricted and cannot be used in this transaction." };

        var alone = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, Operation = SyncOperation.Export, ApiErrors = [wrapper] });
        var withSibling = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, Operation = SyncOperation.Export, ApiErrors = [wrapper, specific] });

        Assert.Contains(alone.Diagnoses, d => d.Code == "INT993");
        Assert.DoesNotContain(withSibling.Diagnoses, d => d.Code == "INT993");
    }

    // The contract: every API error is cited in some diagnosis's evidence or listed as unexplained. An error a cause
    // cites is written into the diagnosis's evidence; the wrapper of the same call goes with it.
    [Fact]
    public void Classify_ErrorACauseCites_IsInTheEvidenceWithTheWrapperOfItsCall()
    {
        var report = Classifier.Classify(SyncEvidenceJson.Read("""
            { "schemaVersion": 1, "operation": "export",
              "apiErrors": [
                { "api": "xml", "level": "result", "status": "failure", "function": "create", "object": "apbill", "errorNo": "PL04000005", "description": "", "description2": "You do not have permission for API operation CREATE on objects of type apbill" },
                { "api": "xml", "level": "result", "status": "failure", "function": "create", "errorNo": "BL01001973", "description": "", "description2": "Could not create apbill record!" } ] }
            """));

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal("INT043", diagnosis.Code);
        Assert.Equal(
            ["apiErrors[#0].description2 = \"You do not have permission for API operation CREATE on objects of type apbill\"", "apiErrors[#1].description2 = \"Could not create apbill record!\""],
            diagnosis.Evidence);
        Assert.Empty(report.Unexplained);
    }

    // A document-wide diagnosis accounts for the errors it cites, not for every error of the document: a read refused
    // on another call is no sign-in failure's, and stays in view.
    [Fact]
    public void Classify_DocumentDiagnosis_DoesNotSwallowAnErrorItDoesNotCite()
    {
        var report = Classifier.Classify(SyncEvidenceJson.Read("""
            { "schemaVersion": 1, "operation": "sync", "connection": { "companyId": "acme-demo", "everSucceeded": false },
              "apiErrors": [
                { "api": "xml", "level": "authentication", "status": "failure", "errorNo": "XL03000006", "description": "", "description2": "Sign-in information is incorrect" },
                { "api": "xml", "level": "result", "status": "failure", "function": "readByQuery", "errorNo": "BL03000018", "description": "", "description2": "The date format is invalid in the query." } ] }
            """));

        var int122 = Assert.Single(report.Diagnoses, d => d.Code == "INT122");
        Assert.Equal(Certainty.Confirmed, int122.Certainty);
        Assert.Equal(["apiErrors[#0].description2 = \"Sign-in information is incorrect\""], int122.Evidence);
        var cited = report.Diagnoses.SelectMany(d => d.Evidence).ToList();
        Assert.True(
            cited.Any(f => f.StartsWith("apiErrors[#1]", StringComparison.Ordinal)) || report.Unexplained.Contains("BL03000018: The date format is invalid in the query."),
            $"the read error is neither cited nor unexplained: evidence [{string.Join("; ", cited)}], unexplained [{string.Join("; ", report.Unexplained)}]");
    }

    // A wrapper with no sibling that says why, while the connection's configuration is known invalid: that is why every
    // call failed, so its diagnosis cites the wrapper rather than leaving it unexplained.
    [Fact]
    public void Classify_LoneWrapperBesideAConfirmedConnectionFailure_IsCitedByIt()
    {
        var report = Classifier.Classify(SyncEvidenceJson.Read("""
            { "schemaVersion": 1, "operation": "export",
              "connection": { "senderIdAuthorized": true, "credentialsValid": true, "sessionStarted": true, "configurationValid": false, "everSucceeded": true },
              "apiErrors": [ { "api": "xml", "level": "result", "status": "failure", "function": "create", "errorNo": "BL01001973", "description": "", "description2": "Could not create eexpenses record!" } ] }
            """));

        var access = Assert.Single(report.Diagnoses, d => d.Kind is ErrorKind.Authentication or ErrorKind.Connection && d.Certainty == Certainty.Confirmed);
        Assert.Contains("apiErrors[#0].description2 = \"Could not create eexpenses record!\"", access.Evidence);
        Assert.Empty(report.Unexplained);
    }

    private static IEnumerable<string> AllFacts(Diagnosis diagnosis) =>
        diagnosis.Causes.Concat(diagnosis.RuledOut).SelectMany(c => c.Facts);
}
