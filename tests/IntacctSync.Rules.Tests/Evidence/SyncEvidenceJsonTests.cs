using System.Text;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Evidence;

public class SyncEvidenceJsonTests
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    // Copies of /work/shared/contract/examples/int402-udd-inactive.json and export-vendor-on-hold.json,
    // embedded so the tests do not depend on where the shared contract is checked out.
    private const string Int402UddInactive = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "outcome": "failed",
          "observedAt": "2026-11-20T09:12:00Z",
          "messages": [
            "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Cost Center. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions."
          ],
          "connection": {
            "companyId": "acme-demo",
            "syncLevel": "entity",
            "entityId": "US01",
            "senderIdAuthorized": true,
            "credentialsValid": true,
            "everSucceeded": true
          },
          "webServicesUser": {
            "userId": "xmlgateway_expensify",
            "active": true,
            "permissionModel": "roleBased",
            "objects": {
              "COSTCENTER": [
                "list",
                "view"
              ]
            }
          },
          "intacct": {
            "dimensions": [
              {
                "id": "DEPARTMENT",
                "label": "Department",
                "userDefined": false,
                "exists": true,
                "active": true,
                "configured": true,
                "valuesReturned": 14
              },
              {
                "id": "COSTCENTER",
                "label": "Cost Center",
                "userDefined": true,
                "exists": true,
                "active": false,
                "configured": true,
                "valuesReturned": 0
              }
            ]
          },
          "workspace": {
            "coding": {
              "dimensions": [
                {
                  "id": "DEPARTMENT",
                  "enabled": true,
                  "importAs": "tag"
                },
                {
                  "id": "COSTCENTER",
                  "enabled": true,
                  "importAs": "tag"
                }
              ]
            }
          }
        }
        """;

    private const string ExportVendorOnHold = """
        {
          "schemaVersion": 1,
          "operation": "export",
          "outcome": "failed",
          "intacct": {
            "vendors": [
              {
                "id": "VEN-000231",
                "email": "dana@acme.example",
                "active": true,
                "onHold": true
              }
            ]
          },
          "workspace": {
            "export": {
              "reimbursable": "vendorBill"
            }
          },
          "report": {
            "id": "R00417",
            "submitterEmail": "dana@acme.example",
            "expenses": [
              {
                "id": "E1",
                "line": 1,
                "amount": 42.5,
                "currency": "USD",
                "category": "Travel",
                "reimbursable": true
              }
            ]
          }
        }
        """;

    public static TheoryData<string, string> ValidDocuments => new()
    {
        { "int402-udd-inactive", Int402UddInactive },
        { "export-vendor-on-hold", ExportVendorOnHold },
        { "minimal", """{"schemaVersion": 1}""" },
    };

    // json, reason fragment, line, column
    public static TheoryData<string, string, long, long> MalformedJson => new()
    {
        { """{"schemaVersion" 1}""", "Expected a ':'", 1, 18 },
        { """{"schemaVersion": 1} x""", "after a single JSON value", 1, 22 },
        { """{"schemaVersion": 1, "messages": [""", "open JSON object or array", 1, 35 },
        { """{"schemaVersion": 1, "messages": ["abc""", "end of string", 1, 39 },
        { "{\"schemaVersion\": 1,\n  \"operation\": \"sync\",\n}", "trailing comma", 3, 1 },
    };

    // json, reason
    public static TheoryData<string, string> TopLevelNotAnObject => new()
    {
        { "[]", "expected an object, got an array" },
        { "42", "expected an object, got 42" },
        { "\"text\"", "expected an object, got \"text\"" },
        { "null", "expected a JSON object, got null" },
    };

    // json, path, reason, line, column
    public static TheoryData<string, string, string, long, long> WrongTypes => new()
    {
        {
            """
            {
              "schemaVersion": 1,
              "intacct": {
                "dimensions": [
                  { "id": "REGION", "active": "yes" }
                ]
              }
            }
            """,
            "$.intacct.dimensions[0].active", "expected true/false, got \"yes\"", 5, 35
        },
        { """{"schemaVersion": 1, "intacct": 5}""", "$.intacct", "expected an object, got 5", 1, 33 },
        { """{"schemaVersion": 1, "messages": {}}""", "$.messages", "expected an array, got an object", 1, 34 },
        { """{"schemaVersion": 1, "report": {"expenses": [{"line": 1.5}]}}""", "$.report.expenses[0].line", "expected a whole number, got 1.5", 1, 55 },
    };

    // json, path, reason fragment, column (all on line 1)
    public static TheoryData<string, string, string, long> NullWhereNotAllowed => new()
    {
        { """{"schemaVersion": 1, "intacct": null}""", "$.intacct", "expected an object, got null", 33 },
        { """{"schemaVersion": 1, "messages": null}""", "$.messages", "expected an array, got null", 34 },
        { """{"schemaVersion": 1, "intacct": {"locationRequired": null}}""", "$.intacct.locationRequired", "expected true/false, got null", 54 },
        { """{"schemaVersion": 1, "report": {"expenses": [{"tags": null}]}}""", "$.report.expenses[0].tags", "expected an object, got null", 55 },
    };

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Read_ValidDocument_Parses(string name, string json)
    {
        var evidence = SyncEvidenceJson.Read(json, source: name);

        Assert.Equal(SyncEvidence.CurrentSchemaVersion, evidence.SchemaVersion);
    }

    [Fact]
    public void Read_Int402Example_ReadsTypedModel()
    {
        var evidence = SyncEvidenceJson.Read(Int402UddInactive);

        Assert.Equal(SyncOperation.Sync, evidence.Operation);
        Assert.Equal(SyncOutcome.Failed, evidence.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 12, 0, TimeSpan.Zero), evidence.ObservedAt);
        var dimension = Assert.Single(evidence.Intacct!.Dimensions!, d => d.Id == "COSTCENTER");
        Assert.Equal("Cost Center", dimension.Label);
        Assert.False(dimension.Active);
        Assert.Equal(0, dimension.ValuesReturned);
        Assert.Null(dimension.Values);
        Assert.Equal([ObjectRight.List, ObjectRight.View], evidence.WebServicesUser!.Objects!["COSTCENTER"]);
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Write_RoundTrip_GivesEqualJsonText(string name, string json)
    {
        var first = SyncEvidenceJson.Write(SyncEvidenceJson.Read(json, source: name));
        var second = SyncEvidenceJson.Write(SyncEvidenceJson.Read(first, source: name));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_ExportExample_GivesSameTextAsInput()
    {
        var written = SyncEvidenceJson.Write(SyncEvidenceJson.Read(ExportVendorOnHold));

        Assert.Equal(ExportVendorOnHold, written.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_Utf8Bom_IsAccepted()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ExportVendorOnHold)];

        var evidence = SyncEvidenceJson.Read(utf8);

        Assert.Equal(SyncOperation.Export, evidence.Operation);
    }

    [Fact]
    public void Read_StreamWithBom_IsAccepted()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. """{"schemaVersion": 1, "operation": "sync"}"""u8]);

        var evidence = SyncEvidenceJson.Read(stream);

        Assert.Equal(SyncOperation.Sync, evidence.Operation);
    }

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Read_MalformedJson_ThrowsWithPosition(string json, string reason, long line, long column)
    {
        var ex = Refuse(json);

        Assert.StartsWith("invalid JSON: ", ex.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.NotNull(ex.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Read_EmptyOrWhitespace_ThrowsInputIsEmpty(string json)
    {
        var ex = Refuse(json);

        Assert.Equal("the input is empty; expected a JSON object such as {\"schemaVersion\": 1}", ex.Reason);
        Assert.Equal(ex.Reason, ex.Message);
        Assert.Null(ex.JsonPath);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void Read_EmptyBytesWithSource_MessageNamesSource()
    {
        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(ReadOnlySpan<byte>.Empty, source: "evidence.json"));

        Assert.Equal("evidence.json", ex.Source);
        Assert.StartsWith("evidence.json: the input is empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TopLevelNotAnObject))]
    public void Read_TopLevelNotAnObject_ThrowsExpectedObject(string json, string reason)
    {
        var ex = Refuse(json);

        Assert.Equal(reason, ex.Reason);
        Assert.Equal("$", ex.JsonPath);
        Assert.Equal(1, ex.Line);
        Assert.Equal(1, ex.Column);
    }

    [Fact]
    public void Read_MissingSchemaVersion_ThrowsRequired()
    {
        var ex = Refuse("""{"operation": "sync"}""", source: "in.json");

        Assert.Equal("$", ex.JsonPath);
        Assert.Contains("\"schemaVersion\" is required", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\": 1", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(
            "in.json: $: \"schemaVersion\" is required: add \"schemaVersion\": 1 to the top-level object (line 1, col 1)",
            ex.Message);
    }

    [Theory]
    [InlineData("""{"schemaVersion": 2}""", 19)]
    [InlineData("""{"schemaVersion": 2, "colour": "red"}""", 19)]
    [InlineData("""{"colour": "red", "schemaVersion": 2}""", 36)]
    [InlineData("""{"schemaVersion": 2, "intacct": {"dimensions": [{"active": "yes"}]}}""", 19)]
    public void Read_SchemaVersion2_ThrowsNamingSupportedVersion(string json, long column)
    {
        var ex = Refuse(json);

        Assert.Equal("$.schemaVersion", ex.JsonPath);
        Assert.Equal("schemaVersion 2 is not supported; this build reads schemaVersion 1", ex.Reason);
        Assert.Equal(1, ex.Line);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void Read_SchemaVersionAsString_ThrowsNotSupported()
    {
        var ex = Refuse("""{"schemaVersion": "1"}""");

        Assert.Equal("$.schemaVersion", ex.JsonPath);
        Assert.Contains("schemaVersion \"1\" is not supported", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("reads schemaVersion 1", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(19, ex.Column);
    }

    // Found by the hostile-input property: describing the version must not read text that is not UTF-8.
    [Theory]
    [InlineData("{\"schemaVersion\": {\"\xF0\x9F\x98a\": 1}}", "schemaVersion given as an object is not supported")]
    [InlineData("{\"schemaVersion\": \"\xF0\x9F\x98\"}", "schemaVersion given as a string is not supported")]
    [InlineData("{\"schemaVersion\": [1]}", "schemaVersion given as a list is not supported")]
    public void Read_SchemaVersionNotANumber_ThrowsNamingItsKind(string latin1, string reason)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(latin1);

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(bytes, "in.json"));

        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal("$.schemaVersion", ex.JsonPath);
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Read_WrongType_ThrowsWithPathLineAndColumn(string json, string path, string reason, long line, long column)
    {
        var ex = Refuse(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void Read_ActiveYes_MessageMatchesContractFormat()
    {
        const string json = "{\n  \"schemaVersion\": 1,\n  \"intacct\": {\n    \"dimensions\": [\n      { \"active\": \"yes\" }\n    ]\n  }\n}";

        var ex = Refuse(json);

        Assert.Equal("$.intacct.dimensions[0].active: expected true/false, got \"yes\" (line 5, col 19)", ex.Message);
    }

    [Fact]
    public void Read_UnknownTopLevelField_ThrowsListingKnownFields()
    {
        var ex = Refuse("""{"schemaVersion": 1, "colour": "red"}""");

        Assert.Equal("$.colour", ex.JsonPath);
        Assert.StartsWith("unknown field \"colour\"; expected one of: ", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("schemaVersion, operation, outcome, observedAt, messages, apiErrors", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("report", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Line);
        Assert.Equal(32, ex.Column);
    }

    [Fact]
    public void Read_UnknownNestedField_ThrowsListingKnownFieldsOfThatRecord()
    {
        var ex = Refuse("""
            {
              "schemaVersion": 1,
              "intacct": {
                "dimensions": [
                  { "id": "REGION" },
                  { "id": "DEPT", "lable": "Department" }
                ]
              }
            }
            """);

        Assert.Equal("$.intacct.dimensions[1].lable", ex.JsonPath);
        Assert.Equal(
            "unknown field \"lable\"; expected one of: id, label, userDefined, exists, active, configured, valuesReturned, values",
            ex.Reason);
        Assert.Equal(6, ex.Line);
        Assert.Equal(32, ex.Column);
    }

    [Fact]
    public void Read_DuplicateProperty_Throws()
    {
        var ex = Refuse("""{"schemaVersion": 1, "operation": "sync", "operation": "export"}""");

        Assert.Equal("$.operation", ex.JsonPath);
        Assert.Equal("the field \"operation\" appears twice in one object; keep one of them", ex.Reason);
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [MemberData(nameof(NullWhereNotAllowed))]
    public void Read_NullOnObjectArrayOrBool_ThrowsLeaveTheFieldOut(string json, string path, string reason, long column)
    {
        var ex = Refuse(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.StartsWith(reason, ex.Reason, StringComparison.Ordinal);
        Assert.EndsWith("leave the field out when it was not observed", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ex.Line);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void Read_NullOnTextField_ReadsAsEmpty()
    {
        var evidence = SyncEvidenceJson.Read("""{"schemaVersion": 1, "report": {"id": null, "expenses": [{"category": null}]}}""");

        Assert.Equal(string.Empty, evidence.Report!.Id);
        Assert.Equal(string.Empty, Assert.Single(evidence.Report.Expenses!).Category);
    }

    public static TheoryData<string, string, string> NullEntries() => new()
    {
        { """{"schemaVersion": 1, "messages": ["a", null]}""", "$.messages[1]", "expected a value, got null; leave it out of the list instead" },
        { """{"schemaVersion": 1, "report": {"expenses": [{"tags": {"REGION": null}}]}}""", "$.report.expenses[0].tags.REGION", "expected a value, got null; leave the key out instead" },
        { """{"schemaVersion": 1, "webServicesUser": {"entities": [null]}}""", "$.webServicesUser.entities[0]", "expected a value, got null; leave it out of the list instead" },
    };

    [Theory]
    [MemberData(nameof(NullEntries))]
    public void Read_NullListEntryOrMapValue_Throws(string json, string path, string reason)
    {
        var ex = Refuse(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void Read_DateTimeWithoutOffset_Throws()
    {
        var ex = Refuse("""{"schemaVersion": 1, "observedAt": "2026-11-20T09:12:00"}""");

        Assert.Equal("$.observedAt", ex.JsonPath);
        Assert.StartsWith("expected a date-time", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CategoryNullVersusAbsent_ObservedEmptyVersusUnknown()
    {
        var evidence = SyncEvidenceJson.Read("""{"schemaVersion": 1, "report": {"expenses": [{"id": "E1", "category": null}, {"id": "E2"}]}}""");

        var expenses = evidence.Report!.Expenses!;
        Assert.Equal(string.Empty, expenses[0].Category);
        Assert.Null(expenses[1].Category);
    }

    [Fact]
    public void Read_NullOnEnumField_ReadsAsUnset()
    {
        var evidence = SyncEvidenceJson.Read("""{"schemaVersion": 1, "operation": null, "workspace": {"export": {"reimbursable": null}}}""");

        Assert.Equal(SyncOperation.Unset, evidence.Operation);
        Assert.Equal(ReimbursableExport.Unset, evidence.Workspace!.Export!.Reimbursable);
    }

    [Fact]
    public void Read_EnumAbsent_ReadsAsNull()
    {
        var evidence = SyncEvidenceJson.Read("""{"schemaVersion": 1}""");

        Assert.Null(evidence.Operation);
        Assert.Null(evidence.Messages);
        Assert.Null(evidence.Report);
    }

    [Fact]
    public void Read_NullRecordInList_ThrowsWithIndex()
    {
        var ex = Refuse("""{"schemaVersion": 1, "intacct": {"dimensions": [{"id": "A"}, null]}}""");

        Assert.Equal("$.intacct.dimensions[1]", ex.JsonPath);
        Assert.Equal("expected a record, got null; leave it out of the list instead", ex.Reason);
        Assert.Equal(1, ex.Line);
        Assert.Equal(62, ex.Column);
    }

    [Theory]
    [InlineData("""{"schemaVersion": 1, "operation": "import"}""", "$.operation", "expected one of \"export\", \"sync\" or null, got \"import\"")]
    [InlineData("""{"schemaVersion": 1, "operation": "Sync"}""", "$.operation", "expected one of \"export\", \"sync\" or null, got \"Sync\"")]
    [InlineData("""{"schemaVersion": 1, "webServicesUser": {"objects": {"GLACCOUNT": ["read"]}}}""", "$.webServicesUser.objects.GLACCOUNT[0]", "expected one of \"add\", \"delete\", \"edit\", \"list\", \"view\", got \"read\"")]
    public void Read_InvalidEnumValue_ThrowsListingAllowedValues(string json, string path, string reason)
    {
        var ex = Refuse(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [InlineData("11/20/2026")]
    [InlineData("2026-11-20T00:00:00Z")]
    [InlineData("2026-13-01")]
    public void Read_DateOnlyInWrongFormat_ThrowsWithExample(string value)
    {
        var ex = Refuse($$$"""{"schemaVersion": 1, "report": {"exportDate": "{{{value}}}"}}""");

        Assert.Equal("$.report.exportDate", ex.JsonPath);
        Assert.Equal($"expected a date such as \"2026-11-20\", got \"{value}\"", ex.Reason);
        Assert.Equal(1, ex.Line);
        Assert.Equal(47, ex.Column);
    }

    [Fact]
    public void Read_FiftyMegabyteString_ThrowsSizeLimit()
    {
        var json = FiftyMegabyteDocument();

        var ex = Refuse(json);

        AssertTooLarge(ex);
    }

    [Fact]
    public void Read_FiftyMegabyteBytes_ThrowsSizeLimit()
    {
        var utf8 = Encoding.UTF8.GetBytes(FiftyMegabyteDocument());

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8, source: "big.json"));

        AssertTooLarge(ex);
        Assert.StartsWith("big.json: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FiftyMegabyteStream_ThrowsBeforeReadingEverything()
    {
        using var stream = new GeneratedDocumentStream(FiftyMegabytes);

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(stream));

        AssertTooLarge(ex);
        Assert.True(stream.Served < FiftyMegabytes, $"the reader took {stream.Served:N0} of {FiftyMegabytes:N0} bytes");
        Assert.True(stream.Served <= SyncEvidenceJson.DefaultMaxBytes + (128 * 1024), $"the reader took {stream.Served:N0} bytes");
    }

    [Fact]
    public void Read_StreamPastSmallLimit_ThrowsEarly()
    {
        using var stream = new GeneratedDocumentStream(FiftyMegabytes);

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(stream, maxBytes: 4096));

        Assert.Contains("larger than 4,096 bytes", ex.Reason, StringComparison.Ordinal);
        Assert.True(stream.Served <= 4096 + (128 * 1024), $"the reader took {stream.Served:N0} bytes");
    }

    [Fact]
    public void Read_StreamWithinLimit_Parses()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Int402UddInactive));

        var evidence = SyncEvidenceJson.Read(stream, source: "stdin");

        Assert.Equal(2, evidence.Intacct!.Dimensions!.Count);
    }

    [Fact]
    public void Read_TenThousandDeepArrayAtTop_ThrowsWithoutStackOverflow()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);

        var ex = Refuse(json);

        Assert.Equal("$", ex.JsonPath);
        Assert.Equal("expected an object, got an array", ex.Reason);
    }

    [Fact]
    public void Read_TenThousandDeepArrayUnderKnownField_ThrowsWithoutStackOverflow()
    {
        var json = """{"schemaVersion": 1, "messages": """ + new string('[', 10_000) + new string(']', 10_000) + "}";

        var ex = Refuse(json);

        Assert.Equal("$.messages[0]", ex.JsonPath);
        Assert.Equal("expected a string or null, got an array", ex.Reason);
        Assert.Equal(35, ex.Column);
    }

    [Fact]
    public void Read_TenThousandDeepObjectUnderKnownObject_ThrowsWithoutStackOverflow()
    {
        var json = """{"schemaVersion": 1, "intacct": {"periods": """
            + string.Concat(Enumerable.Repeat("""{"a": """, 10_000)) + "1" + new string('}', 10_000) + "}}";

        var ex = Refuse(json);

        Assert.Equal("$.intacct.periods.a", ex.JsonPath);
        Assert.StartsWith("unknown field \"a\"; expected one of: closedThrough", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TenThousandDeepBeforeUnterminated_ThrowsFormatException()
    {
        var json = """{"schemaVersion": 1, "report": {"expenses": """ + new string('[', 10_000);

        var ex = Refuse(json);

        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Read_InvalidUtf8InString_ThrowsFormatException(byte[] bad)
    {
        byte[] utf8 = [.. "{\"schemaVersion\": 1, \"messages\": [\"ok\", \"x"u8, .. bad, .. "\"]}"u8];

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8));

        Assert.Contains("UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Equal("$.messages[1]", ex.JsonPath);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_InvalidUtf8InEnum_ThrowsFormatException()
    {
        byte[] utf8 = [.. "{\"schemaVersion\": 1, \"operation\": \"s"u8, 0xC3, 0x28, .. "\"}"u8];

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8));

        Assert.Contains("UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Equal("$.operation", ex.JsonPath);
    }

    [Fact]
    public void Read_InvalidUtf8InFieldName_ThrowsFormatException()
    {
        byte[] utf8 = [.. "{\"schemaVersion\": 1, \"col"u8, 0xC3, 0x28, .. "\": 1}"u8];

        var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8));

        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_NullString_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SyncEvidenceJson.Read((string)null!));

        Assert.Equal("json", ex.ParamName);
    }

    [Fact]
    public void Read_NullStream_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SyncEvidenceJson.Read((Stream)null!));

        Assert.Equal("utf8Json", ex.ParamName);
    }

    [Fact]
    public void Write_Null_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SyncEvidenceJson.Write(null!));

        Assert.Equal("evidence", ex.ParamName);
    }

    [Fact]
    public void Message_WithSourcePathAndPosition_ComposesAllParts()
    {
        var ex = new EvidenceFormatException("expected true/false, got \"yes\"", "e.json", "$.intacct.locationRequired", 3, 7);

        Assert.Equal("e.json: $.intacct.locationRequired: expected true/false, got \"yes\" (line 3, col 7)", ex.Message);
    }

    private static EvidenceFormatException Refuse(string json, string? source = null) =>
        Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(json, source));

    private static void AssertTooLarge(EvidenceFormatException ex)
    {
        Assert.Contains("larger than 16,777,216 bytes", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("MaxEvidenceBytes", ex.Reason, StringComparison.Ordinal);
        Assert.Null(ex.JsonPath);
    }

    private static string FiftyMegabyteDocument()
    {
        var message = new string('x', 1024 * 1024);
        var builder = new StringBuilder(FiftyMegabytes + 4096);
        builder.Append("""{"schemaVersion": 1, "messages": [""");
        for (var i = 0; i < 50; i++)
        {
            builder.Append(i == 0 ? "\"" : ", \"").Append(message).Append('"');
        }

        return builder.Append("]}").ToString();
    }

    /// <summary>A read-only stream of a valid evidence document of any length, generated as it is read.</summary>
    private sealed class GeneratedDocumentStream : Stream
    {
        private static readonly byte[] Head = "{\"schemaVersion\": 1, \"messages\": [\""u8.ToArray();
        private static readonly byte[] Tail = "\"]}"u8.ToArray();
        private readonly long _length;

        public GeneratedDocumentStream(long length) => _length = length;

        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => Served;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _length - Served);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = ByteAt(Served + i);
            }

            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private byte ByteAt(long position)
        {
            if (position < Head.Length)
            {
                return Head[position];
            }

            var fromEnd = _length - position;
            return fromEnd <= Tail.Length ? Tail[Tail.Length - fromEnd] : (byte)'x';
        }
    }
}
