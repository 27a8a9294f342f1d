using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;

namespace IntacctSync.Rules.Tests.Intacct;

public class IntacctResponseReaderTests
{
    private const string ControlOk = "<control><status>success</status><senderid>expensifyinc</senderid><controlid>req-1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>";
    private const string AuthenticationOk = "<authentication><status>success</status><userid>xmlgateway_expensify</userid><companyid>acme-demo</companyid></authentication>";

    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    private static string Results(params string[] results) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>\n{ControlOk}\n<operation transaction=\"true\">\n{AuthenticationOk}\n{string.Concat(results)}\n</operation>\n</response>";

    private static string Result(string status, string function, params string[] errors) =>
        $"<result><status>{status}</status><function>{function}</function><controlid>{function}-1</controlid><errormessage>{string.Concat(errors)}</errormessage></result>\n";

    private static string Error(string errorNo, string description2, string description = "", string correction = "") =>
        $"<error><errorno>{errorNo}</errorno><description>{description}</description><description2>{description2}</description2><correction>{correction}</correction></error>";

    [Fact]
    public void Read_FailedAndAbortedResults_KeepsResponseOrderStatusAndFunction()
    {
        var xml = Results(
            "<result><status>success</status><function>readByQuery</function><controlid>ok</controlid><data count=\"0\"/></result>\n",
            Result("failure", "create", Error("BL34000061", "Another Class with the given value(s) UT01  already exists", correction: "Use a unique value instead."), Error("BL01001973", "Could not create class record!")),
            Result("aborted", "update", Error("XL03000009", "The entire transaction in this operation has been rolled back due to an error.")));

        var errors = IntacctResponseReader.Read(xml);

        Assert.Equal(["BL34000061", "BL01001973", "XL03000009"], errors.Select(e => e.ErrorNo));
        Assert.Equal([ApiResultStatus.Failure, ApiResultStatus.Failure, ApiResultStatus.Aborted], errors.Select(e => e.Status));
        Assert.Equal(["create", "create", "update"], errors.Select(e => e.Function));
        Assert.All(errors, e => Assert.Equal(ApiErrorLevel.Result, e.Level));
        Assert.All(errors, e => Assert.Equal(IntacctApi.Xml, e.Api));
        Assert.Equal("Another Class with the given value(s) UT01  already exists", errors[0].Description2);
        Assert.Equal("Use a unique value instead.", errors[0].Correction);
    }

    [Fact]
    public void Read_ControlFailure_TopLevelErrorMessageIsControlLevel()
    {
        const string xml = """
            <response>
              <control><status>failure</status><senderid>expensifyinc</senderid><controlid>req-1</controlid></control>
              <errormessage>
                <error><errorno>XL03000006</errorno><description></description><description2>Incorrect Intacct XML Partner ID or password.</description2><correction></correction></error>
              </errormessage>
            </response>
            """;

        var error = Assert.Single(IntacctResponseReader.Read(xml));

        Assert.Equal(ApiErrorLevel.Control, error.Level);
        Assert.Equal(ApiResultStatus.Failure, error.Status);
        Assert.Null(error.Function);
        Assert.Equal("XL03000006", error.ErrorNo);
        Assert.Equal(string.Empty, error.Description);
    }

    [Fact]
    public void Read_AuthenticationFailure_IsAuthenticationLevel()
    {
        var xml = $"""
            <response>
              {ControlOk}
              <operation>
                <authentication><status>failure</status><userid>xmlgateway_expensify</userid><companyid>acme-demo</companyid></authentication>
                <errormessage>{Error("XL03000006", "Sign-in information is incorrect")}</errormessage>
              </operation>
            </response>
            """;

        var error = Assert.Single(IntacctResponseReader.Read(xml));

        Assert.Equal(ApiErrorLevel.Authentication, error.Level);
        Assert.Equal("Sign-in information is incorrect", error.Description2);
    }

    [Fact]
    public void Read_FailureWithoutErrorElements_KeepsTheFailure()
    {
        var error = Assert.Single(IntacctResponseReader.Read(Results("<result><status>failure</status><function>readByQuery</function></result>")));

        Assert.Equal(ApiErrorLevel.Result, error.Level);
        Assert.Equal("readByQuery", error.Function);
        Assert.Null(error.ErrorNo);
    }

    [Fact]
    public void Read_SuccessfulResponse_HasNoErrors()
    {
        Assert.Empty(IntacctResponseReader.Read(Results("<result><status>success</status><function>readByQuery</function><data count=\"1\"/></result>")));
    }

    [Theory]
    [InlineData("You do not have permission [Support ID: Xy3d1EB030~Z9q2P0o8kZ-ab12cdEFgAAAAQ]", "Xy3d1EB030~Z9q2P0o8kZ-ab12cdEFgAAAAQ")]
    [InlineData("You do not have permission [Support ID: Xy3d1EB030%7EZ9q2P0o8kZ]", "Xy3d1EB030%7EZ9q2P0o8kZ")]
    [InlineData("You do not have permission Support%20ID%3A%20Xy3d1EB030%7EZ9q2P0o8kZ", "Xy3d1EB030%7EZ9q2P0o8kZ")]
    [InlineData("You do not have permission %5BSupport%20ID%3A%20Xy3d1EB030%7EZ9q2P0o8kZ%5D", "Xy3d1EB030%7EZ9q2P0o8kZ")]
    [InlineData("You do not have permission [support id:Xy3d1]", "Xy3d1")]
    public void Read_SupportId_RemovedFromTextAndKept(string description2, string supportId)
    {
        var error = Assert.Single(IntacctResponseReader.Read(Results(Result("failure", "readByQuery", Error("PL04000005", description2)))));

        Assert.Equal("You do not have permission", error.Description2);
        Assert.Equal(supportId, error.SupportId);
    }

    [Fact]
    public void Read_LongWhitespaceRunsAndTags_ReadInLinearTime()
    {
        var spaces = new string(' ', 300_000);
        var text = "Denied" + spaces + "[Support ID: abc]" + spaces + "&lt;b" + spaces + "Support" + spaces + "end";

        var error = Assert.Single(IntacctResponseReader.Read(Results(Result("failure", "readByQuery", Error("PL04000005", text)))));

        Assert.Equal("abc", error.SupportId);
        Assert.StartsWith("Denied" + spaces + "<b", error.Description2, StringComparison.Ordinal);
        Assert.EndsWith("end", error.Description2, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SupportIdInSeveralTexts_KeepsTheFirstAndCleansAll()
    {
        var error = Assert.Single(IntacctResponseReader.Read(Results(Result("failure", "create",
            Error("BL01001973", "Invalid Project '10064' specified. [Support ID: second]", description: "Failed [Support ID: first]")))));

        Assert.Equal("Failed", error.Description);
        Assert.Equal("Invalid Project '10064' specified.", error.Description2);
        Assert.Equal("first", error.SupportId);
    }

    [Fact]
    public void Read_HtmlInTexts_TagsAndEntitiesStrippedPlaceholdersKept()
    {
        var error = Assert.Single(IntacctResponseReader.Read(Results(Result("failure", "create",
            Error("BL01001973", "  &lt;b&gt;Invalid&lt;/b&gt; Project&amp;nbsp;&amp;#39;10064&amp;#39; for sender &lt;sender&gt;.&lt;br/&gt; ",
                correction: "&lt;p&gt;Check the &lt;a href=\"https://example.invalid/\"&gt;project&lt;/a&gt;&lt;/p&gt;")))));

        Assert.Equal("Invalid Project\u00a0'10064' for sender <sender>.", error.Description2);
        Assert.Equal("Check the project", error.Correction);
    }

    [Theory]
    [InlineData("You do not have permission for API operation READ_BY_QUERY on objects of type projectphase", "PROJECTPHASE")]
    [InlineData("Object definition Fund not found", "FUND")]
    [InlineData("Object type CLASS1 not found", "CLASS1")]
    [InlineData("Sign-in information is incorrect", null)]
    public void Read_ObjectNamedInText_IsTakenUpperCase(string description2, string? objectName)
    {
        var error = Assert.Single(IntacctResponseReader.Read(Results(Result("failure", "readByQuery", Error("PL04000005", description2)))));

        Assert.Equal(objectName, error.Object);
    }

    [Theory]
    [InlineData("BL01001973", "Could not create class record!", true)]
    [InlineData("BL01001973", "Could not create GLBatch record.", true)]
    [InlineData("BL01001973", "Currently, we can’t create the transaction", true)]
    [InlineData("XL03000009", "The entire transaction in this operation has been rolled back due to an error.", true)]
    [InlineData("REST-7001", "POST request on objects/general-ledger/journal-entry object was unsuccessful", true)]
    [InlineData("BL01001973", "Invalid Project '10064' specified.", false)]
    [InlineData("BL01001973", "Cannot find class with key 'UT01' to delete.", false)]
    [InlineData("PL04000005", "You do not have permission for API operation READ_BY_QUERY on objects of type region", false)]
    public void IsWrapper_GenericTexts_AreWrappers(string errorNo, string description2, bool wrapper)
    {
        Assert.Equal(wrapper, IntacctResponseReader.IsWrapper(new ApiError { ErrorNo = errorNo, Description2 = description2 }));
    }

    [Fact]
    public void Classify_WrappersAlone_AreNeverADiagnosis()
    {
        var errors = IntacctResponseReader.Read(Results(
            Result("failure", "create", Error("BL01001973", "Could not create class record!")),
            Result("aborted", "readByQuery", Error("XL03000009", "The entire transaction in this operation has been rolled back due to an error."))));

        var report = Classifier.Classify(new SyncEvidence { ApiErrors = errors });

        Assert.All(errors, e => Assert.True(IntacctResponseReader.IsWrapper(e)));
        Assert.Equal(["UNCLASSIFIED"], report.Diagnoses.Select(d => d.Code));
        Assert.Equal(2, report.Unexplained.Count);
    }

    [Fact]
    public void Classify_UddPermissionErrorBesideWrapper_DiagnosesFromTheSpecificError()
    {
        var errors = IntacctResponseReader.Read(Results(Result("failure", "readByQuery",
            Error("PL04000005", "You do not have permission for API operation READ_BY_QUERY on objects of type region [Support ID: abc]"),
            Error("BL01001973", "Could not create region record!"))));

        var report = Classifier.Classify(new SyncEvidence { ApiErrors = errors });

        var diagnosis = Assert.Single(report.Diagnoses, d => d.Code == "INT402");
        Assert.Equal("user-cannot-read-udd", Assert.Single(diagnosis.Causes).Id);
        Assert.Empty(report.Unexplained);
    }

    [Fact]
    public void Classify_WrapperBesideUnexplainedError_StaysListedWithIt()
    {
        var errors = IntacctResponseReader.Read(Results(Result("failure", "create",
            Error("BL34000061", "Another Class with the given value(s) UT01 already exists"),
            Error("BL01001973", "Could not create class record!"))));

        var report = Classifier.Classify(new SyncEvidence { ApiErrors = errors });

        Assert.Equal(["BL34000061: Another Class with the given value(s) UT01 already exists", "BL01001973: Could not create class record!"], report.Unexplained);
    }

    [Fact]
    public void Classify_WrapperOfAnotherCall_StaysListedBesideAnExplainedError()
    {
        var errors = IntacctResponseReader.Read(Results(
            Result("failure", "readByQuery", Error("PL04000005", "You do not have permission for API operation READ_BY_QUERY on objects of type region")),
            Result("failure", "create", Error("BL01001973", "Could not create class record!"))));

        var report = Classifier.Classify(new SyncEvidence { ApiErrors = errors });

        Assert.Contains(report.Diagnoses, d => d.Code == "INT402");
        Assert.Equal(["BL01001973: Could not create class record!"], report.Unexplained);
    }

    [Fact]
    public void Read_RestErrorWithDetails_TopLevelFirstThenDetails()
    {
        const string json = """
            {
              "ia::result": {
                "ia::error": {
                  "code": "operationFailed",
                  "message": "POST request on objects/general-ledger/journal-entry object was unsuccessful",
                  "errorId": "REST-7001",
                  "additionalInfo": { "messageId": "IA.REQUEST_ON_OBJECT_FAILED", "placeholders": { "OPERATION": "POST", "RESOURCE_NAME": "objects/general-ledger/journal-entry" } },
                  "supportId": "Kxi78%7EZuyXBDEGVHD2UmO1phYXDQAAAAo",
                  "details": [
                    { "code": "unableToCreateRecordError", "message": "Could not create GLBatch record.", "errorId": "GL-0951" },
                    { "code": "invalidConfiguration", "message": "Transactions do not balance for Place , [Support ID: detail-1]", "errorId": "GL-1009" }
                  ]
                }
              },
              "ia::meta": { "totalCount": 1, "totalSuccess": 0, "totalError": 1 }
            }
            """;

        var errors = IntacctResponseReader.Read(json, 422, "journal-entry.json");

        Assert.Equal(["REST-7001", "GL-0951", "GL-1009"], errors.Select(e => e.ErrorNo));
        Assert.Equal(["operationFailed", "unableToCreateRecordError", "invalidConfiguration"], errors.Select(e => e.Description));
        Assert.Equal("Transactions do not balance for Place ,", errors[2].Description2);
        Assert.Equal(["Kxi78%7EZuyXBDEGVHD2UmO1phYXDQAAAAo", null, "detail-1"], errors.Select(e => e.SupportId));
        Assert.All(errors, e =>
        {
            Assert.Equal(IntacctApi.Rest, e.Api);
            Assert.Equal(ApiErrorLevel.Result, e.Level);
            Assert.Equal(ApiResultStatus.Failure, e.Status);
            Assert.Equal("POST objects/general-ledger/journal-entry", e.Function);
            Assert.Equal(422, e.HttpStatus);
            Assert.Null(e.Correction);
        });
        Assert.True(IntacctResponseReader.IsWrapper(errors[0]));
        Assert.True(IntacctResponseReader.IsWrapper(errors[1]));
        Assert.False(IntacctResponseReader.IsWrapper(errors[2]));
    }

    [Fact]
    public void Read_RestResultList_EveryFailedResultInOrder()
    {
        const string json = """
            { "ia::result": [
                { "key": "1", "href": "/objects/accounts-payable/vendor/1" },
                { "ia::error": { "code": "invalidRequest", "message": "Another record with the value V100 already exists", "errorId": "BL34000061" } },
                { "ia::error": { "code": "GW-0010", "message": "API rate limit exceeded" } }
              ] }
            """;

        var errors = IntacctResponseReader.Read(json);

        Assert.Equal(["BL34000061", "GW-0010"], errors.Select(e => e.ErrorNo));
        Assert.Null(errors[0].HttpStatus);
    }

    [Fact]
    public void Read_RestSuccess_HasNoErrors()
    {
        Assert.Empty(IntacctResponseReader.Read("""{ "ia::result": { "key": "42" }, "ia::meta": { "totalCount": 1 } }"""));
    }

    public static TheoryData<string, string> UnavailableBodies() => new()
    {
        { "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n", "502 Bad Gateway" },
        { "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html><head><title>Service Unavailable</title></head><body><p>Maintenance</p></body></html>", "Service Unavailable" },
        { "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Gateway Time-out</h1></body></html>", "Gateway Time-out" },
        { string.Empty, "empty" },
        { " \r\n\t ", "empty" },
        { "upstream request timeout", "upstream request timeout" },
        { "504 Gateway Time-out: the server didn't respond in time.", "504 Gateway Time-out" },
    };

    [Theory]
    [MemberData(nameof(UnavailableBodies))]
    public void Read_HtmlPageEmptyBodyOrTimeout_IsOneUnavailableError(string body, string described)
    {
        var error = Assert.Single(IntacctResponseReader.Read(body, 502));

        Assert.True(IntacctResponseReader.IsUnavailable(error));
        Assert.Equal(IntacctResponseReader.UnavailableErrorNo, error.ErrorNo);
        Assert.StartsWith("Sage Intacct unavailable: ", error.Description, StringComparison.Ordinal);
        Assert.Contains(described, error.Description, StringComparison.Ordinal);
        Assert.Null(error.Level);
        Assert.Equal(502, error.HttpStatus);
        Assert.False(IntacctResponseReader.IsWrapper(error));
    }

    [Fact]
    public void Classify_Unavailable_ReachesTheReportAsUnexplained()
    {
        var errors = IntacctResponseReader.Read("<html><head><title>502 Bad Gateway</title></head></html>");

        var report = Classifier.Classify(new SyncEvidence { ApiErrors = errors });

        Assert.Equal(["UNCLASSIFIED"], report.Diagnoses.Select(d => d.Code));
        Assert.StartsWith("INTACCT-UNAVAILABLE: Sage Intacct unavailable: the response was an HTML page (\"502 Bad Gateway\")", Assert.Single(report.Unexplained), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "message": "Internal server error" }""")]
    [InlineData("<Error><Code>InternalError</Code></Error>")]
    [InlineData("An error occurred")]
    public void Read_UnrecognisedBodyWithServerErrorStatus_IsUnavailable(string body)
    {
        var error = Assert.Single(IntacctResponseReader.Read(body, 503));

        Assert.True(IntacctResponseReader.IsUnavailable(error));
        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public void Read_BillionLaughs_RefusedWithoutExpansion()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n");
        }

        xml.Append("]>\n<response><errormessage><error><description2>&lol9;</description2></error></errormessage></response>");

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(xml.ToString(), "lolz.xml"));

        Assert.Contains("DTD", ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith("lolz.xml: the response declares a DTD", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Read_ExternalEntity_RefusedWithoutReadingTheFile()
    {
        var secret = Path.GetTempFileName();
        try
        {
            File.WriteAllText(secret, "TOP-SECRET-CONTENT");
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE response [ <!ENTITY xxe SYSTEM "file://{secret}"> <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
                <response><control><status>failure</status></control><errormessage><error><errorno>&xxe;</errorno><description2>&passwd;</description2></error></errormessage></response>
                """;

            var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(xml, "xxe.xml"));

            Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
            Assert.Contains("never read", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Read_TextOverLimit_Refused()
    {
        var xml = Results(Result("failure", "create", Error("BL01001973", new string('x', IntacctResponseReader.MaxResponseBytes))));

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(xml, "big.xml"));

        Assert.Contains("larger than 4,194,304 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeekableStreamOverLimit_RefusedBeforeReading()
    {
        using var stream = new UnreadableStream(IntacctResponseReader.MaxResponseBytes + 1L);

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(stream, "big.xml"));

        Assert.Contains("larger than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ForwardOnlyStreamOverLimit_RefusedAtTheLimit()
    {
        using var stream = new ForwardOnlyStream(new MemoryStream(new byte[IntacctResponseReader.MaxResponseBytes + 100_000]));

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(stream));

        Assert.Contains("larger than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamWithByteOrderMark_IsRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Results(Result("failure", "readByQuery", Error("PL04000005", "Denied — é"))))).ToArray();
        using var stream = new MemoryStream(bytes);

        var error = Assert.Single(IntacctResponseReader.Read(stream, 400));

        Assert.Equal("Denied — é", error.Description2);
        Assert.Equal(400, error.HttpStatus);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("rest")]
    public void Read_StreamWithInvalidUtf8_RefusedNamingTheByteOffsetAndLine(string kind)
    {
        var text = kind == "xml"
            ? Results(Result("failure", "readByQuery", Error("PL04000005", "Denied caf@")))
            : "{\n  \"ia::result\": {\n    \"ia::error\": { \"code\": \"notFound\", \"message\": \"caf@\" }\n  }\n}";
        var utf8 = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(utf8, (byte)'@');
        utf8[at] = 0xC3; // a lead byte followed by a quote or '<': not UTF-8
        var line = utf8.AsSpan(0, at).Count((byte)'\n') + 1;
        var column = at - utf8.AsSpan(0, at).LastIndexOf((byte)'\n');

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(new MemoryStream(utf8), "response.bin"));

        Assert.Contains($"not valid UTF-8: byte 0xC3 at byte offset {at} ", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.StartsWith("response.bin: the response is not valid UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.True(line > 1, "the bad byte is not on the first line, so the line number is tested");
    }

    [Fact]
    public void Read_InvalidUtf8AfterByteOrderMark_OffsetCountsTheMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<response>"), 0xFF, .. Encoding.UTF8.GetBytes("</response>")];

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(new MemoryStream(bytes)));

        Assert.Contains("byte 0xFF at byte offset 13 ", ex.Reason, StringComparison.Ordinal);
        Assert.Equal((1L, 14L), (ex.Line, ex.Column));
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsReadAndAnOddByteIsRefused()
    {
        var text = Results(Result("failure", "readByQuery", Error("PL04000005", "Denied — é")));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var error = Assert.Single(IntacctResponseReader.Read(new MemoryStream(utf16)));
        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(new MemoryStream([.. utf16, 0x41])));

        Assert.Equal("Denied — é", error.Description2);
        Assert.Contains("not valid UTF-16", ex.Reason, StringComparison.Ordinal);
        Assert.Contains($"byte offset {utf16.Length}", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '\n') + 1, ex.Line);
    }

    [Theory]
    [InlineData("hello world", "neither XML nor JSON", 1L)]
    [InlineData("<response>\n  <control><status>failure</status>\n</response>", "not well-formed XML", 3L)]
    [InlineData("<foo><bar/></foo>", "the root element is <foo>, not <response>", 1L)]
    [InlineData("{ \"ia::result\": { \"ia::error\": ", "not valid JSON", 1L)]
    [InlineData("""{ "errors": [ "nope" ] }""", "no \"ia::result\" or \"ia::error\"", 1L)]
    public void Read_Garbage_ClearFormatError(string body, string reason, long? line)
    {
        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(body, "response.txt"));

        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith("response.txt: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("response.txt", ex.Source);
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void Read_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => IntacctResponseReader.Read((string)null!));
        Assert.Throws<ArgumentNullException>(() => IntacctResponseReader.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => IntacctResponseReader.IsWrapper(null!));
        Assert.Throws<ArgumentNullException>(() => IntacctResponseReader.IsUnavailable(null!));
    }

    /// <summary>Claims a length and fails the test if anything reads it.</summary>
    private sealed class UnreadableStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The reader read an oversized stream instead of refusing it.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
