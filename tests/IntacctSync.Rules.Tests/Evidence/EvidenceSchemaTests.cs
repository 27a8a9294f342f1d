using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Evidence;
using Json.Schema;

namespace IntacctSync.Rules.Tests.Evidence;

public class EvidenceSchemaTests
{
    private const string SchemaFileName = "sync-evidence.v1.schema.json";
    private const string ReceivedFileName = "sync-evidence.v1.schema.received.json";
    private const string ResourceName = "schemas/" + SchemaFileName;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(EvidenceSchema.Generate()));

    public static TheoryData<string, string> ValidDocuments => new()
    {
        { "version only", """{ "schemaVersion": 1 }""" },
        {
            "message only",
            """
            {
              "schemaVersion": 1,
              "messages": [
                "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund."
              ]
            }
            """
        },
        {
            "udd inactive",
            """
            {
              "schemaVersion": 1,
              "operation": "sync",
              "outcome": "failed",
              "observedAt": "2026-11-20T09:12:00Z",
              "messages": [
                "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Cost Center."
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
                "modules": { "generalLedger": "none", "company": "readOnly", "administration": "all" },
                "objects": { "COSTCENTER": [ "list", "view" ], "GLACCOUNT": [] }
              },
              "intacct": {
                "dimensions": [
                  { "id": "DEPARTMENT", "label": "Department", "userDefined": false, "exists": true, "active": true, "configured": true, "valuesReturned": 14 },
                  { "id": "COSTCENTER", "label": "Cost Center", "userDefined": true, "exists": true, "active": false, "configured": true, "valuesReturned": 0 }
                ]
              },
              "workspace": {
                "coding": {
                  "dimensions": [
                    { "id": "DEPARTMENT", "enabled": true, "importAs": "tag" },
                    { "id": "COSTCENTER", "enabled": true, "importAs": "tag" }
                  ]
                }
              }
            }
            """
        },
        {
            "export with nulls where they mean something",
            """
            {
              "schemaVersion": 1,
              "operation": "export",
              "outcome": "failed",
              "apiErrors": [
                { "api": "xml", "level": "result", "status": "failure", "function": "create", "object": "APBILL", "errorNo": "BL01001973", "description2": "Vendor VEN-000231 is on hold.", "httpStatus": 200 }
              ],
              "intacct": {
                "vendors": [ { "id": "VEN-000231", "email": "dana@acme.example", "active": true, "onHold": true } ],
                "creditCards": [ { "id": "AMEX", "expiresOn": "2027-01-31", "accountNumber": "2100" } ],
                "periods": { "closedThrough": "2026-10-31", "reportingPeriodClosed": false }
              },
              "workspace": {
                "export": { "reimbursable": "vendorBill", "nonReimbursable": null },
                "expensifyCard": { "enabled": true, "cashJournal": "" , "accrualJournal": null }
              },
              "report": {
                "id": "R00417",
                "submitterEmail": "dana@acme.example",
                "submittedAt": "2026-11-19T17:40:00+01:00",
                "exportDate": "2026-11-20",
                "expenses": [
                  { "id": "E1", "line": 1, "amount": 42.5, "currency": "USD", "category": null, "reimbursable": true, "date": "2026-11-18", "tags": { "DEPARTMENT": "D100", "REGION": "" } }
                ]
              }
            }
            """
        },
    };

    public static TheoryData<string, string> InvalidDocuments => new()
    {
        { "missing schemaVersion", """{ "operation": "sync" }""" },
        { "wrong schemaVersion", """{ "schemaVersion": 2 }""" },
        { "schemaVersion as text", """{ "schemaVersion": "1" }""" },
        { "unknown top-level field", """{ "schemaVersion": 1, "operations": "sync" }""" },
        { "unknown nested field", """{ "schemaVersion": 1, "connection": { "companyID": "acme" } }""" },
        { "text where a bool belongs", """{ "schemaVersion": 1, "intacct": { "dimensions": [ { "active": "yes" } ] } }""" },
        { "null bool", """{ "schemaVersion": 1, "connection": { "credentialsValid": null } }""" },
        { "fraction where an integer belongs", """{ "schemaVersion": 1, "apiErrors": [ { "httpStatus": 200.5 } ] }""" },
        { "number where text belongs", """{ "schemaVersion": 1, "report": { "id": 417 } }""" },
        { "unknown enum name", """{ "schemaVersion": 1, "operation": "Sync" }""" },
        { "unset enum name", """{ "schemaVersion": 1, "operation": "unset" }""" },
        { "null object", """{ "schemaVersion": 1, "intacct": null }""" },
        { "null list", """{ "schemaVersion": 1, "messages": null }""" },
        { "null record in a list", """{ "schemaVersion": 1, "apiErrors": [ null ] }""" },
        { "null object right", """{ "schemaVersion": 1, "webServicesUser": { "objects": { "REGION": [ null ] } } }""" },
        { "bad date", """{ "schemaVersion": 1, "report": { "exportDate": "20/11/2026" } }""" },
        { "array at the top", """[ { "schemaVersion": 1 } ]""" },
    };

    [Fact]
    public void Generate_CommittedSchema_IsEqual()
    {
        var committed = Path.Combine(RepositoryRoot(), "src", "IntacctSync.Rules", "Schemas", SchemaFileName);
        var received = Path.Combine(Path.GetDirectoryName(committed)!, ReceivedFileName);
        var generated = EvidenceSchema.Generate();

        var expected = File.Exists(committed) ? File.ReadAllText(committed, Encoding.UTF8) : null;
        if (generated == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Fail(
            $"The evidence model and the committed JSON Schema disagree.{Environment.NewLine}"
            + $"The schema generated from the model was written to {received}.{Environment.NewLine}"
            + $"If the model change is intended, accept it by copying that file over {committed} "
            + $"(cp \"{received}\" \"{committed}\") and commit it; a field renamed or retyped needs schemaVersion 2.");
    }

    [Fact]
    public void Generate_EmbeddedResource_IsEqual()
    {
        using var stream = typeof(EvidenceSchema).Assembly.GetManifestResourceStream(ResourceName);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.Equal(EvidenceSchema.Generate(), reader.ReadToEnd());
    }

    [Fact]
    public void Generate_Always_NamesDialectIdAndRequiredVersion()
    {
        using var document = JsonDocument.Parse(EvidenceSchema.Generate());
        var root = document.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(EvidenceSchema.Id, root.GetProperty("$id").GetString());
        Assert.Equal("schemaVersion", Assert.Single(root.GetProperty("required").EnumerateArray()).GetString());
        Assert.Equal(SyncEvidence.CurrentSchemaVersion, root.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetInt32());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Evaluate_ValidDocument_Passes(string name, string json)
    {
        var results = Evaluate(json);

        Assert.True(results.IsValid, $"{name}: {Describe(results)}");
        SyncEvidenceJson.Read(json, name);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Evaluate_InvalidDocument_Fails(string name, string json)
    {
        var results = Evaluate(json);

        Assert.False(results.IsValid, $"{name}: the schema accepts a document the reader refuses");
        Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(json, name));
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Describe(EvaluationResults results)
    {
        var errors = new StringBuilder();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                errors.AppendLine($"{detail.InstanceLocation} ({keyword}): {message}");
            }
        }

        return errors.Length == 0 ? "invalid" : errors.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
