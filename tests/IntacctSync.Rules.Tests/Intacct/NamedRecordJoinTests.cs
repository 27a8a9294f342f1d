using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Intacct;

/// <summary>
/// A message or API error that names a record (a project, a GL account, a credit card) joins the structured evidence
/// about that record, and only that record: its facts decide the cause, and another record's facts never do.
/// </summary>
public sealed class NamedRecordJoinTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    // One expense line on project P-100, tagged with a valid department; Intacct's own error names the project.
    private const string ProjectError = """
        { "schemaVersion": 1, "operation": "export", "outcome": "failed",
          "apiErrors": [ { "function": "create", "object": "EEXPENSES", "description2": "Invalid Project 'P-100' specified." } ],
          "intacct": {
            "dimensions": [ { "id": "DEPARTMENT", "label": "Department", "userDefined": false, "values": [ { "id": "D100", "active": true } ] } ]
            PROJECTS
          },
          "report": { "id": "R-1", "expenses": [ { "id": "E1", "line": 1, "amount": 10, "category": "Meals", "project": "P-100", "customer": "C-10", "tags": { "DEPARTMENT": "D100" } } ] }
        }
        """;

    [Theory]
    [InlineData(", \"projects\": [ { \"id\": \"P-100\", \"active\": false } ]", "tag-value-inactive", "tag-value-not-in-intacct")]
    [InlineData(", \"projects\": [ { \"id\": \"P-200\", \"active\": true } ]", "tag-value-not-in-intacct", "tag-value-inactive")]
    public void ProjectNamedByAnApiError_ItsRecordDecidesInt084(string projects, string established, string ruledOut)
    {
        var diagnosis = Assert.Single(Classify(ProjectError.Replace("PROJECTS", projects, StringComparison.Ordinal)).Diagnoses, d => d.Code == "INT084");

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        Assert.Equal("P-100", diagnosis.Subject["project"]);
        Assert.Equal(established, Assert.Single(diagnosis.Causes).Id);
        Assert.Contains("PROJECT=P-100", Assert.Single(diagnosis.Causes).Summary, StringComparison.Ordinal);
        Assert.Equal(ruledOut, Assert.Single(diagnosis.RuledOut).Id);
        Assert.Contains(diagnosis.Evidence, e => e.StartsWith("apiErrors[#0].description2 = ", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectNamedButNotInTheEvidence_RulesOutNeitherInt084Cause()
    {
        // No list of projects: whether P-100 exists or is active is unknown, though the line's other tags are valid.
        var json = ProjectError.Replace("PROJECTS", string.Empty, StringComparison.Ordinal);

        var diagnosis = Assert.Single(Classify(json).Diagnoses, d => d.Code == "INT084");

        Assert.Empty(diagnosis.RuledOut);
        Assert.Equal(["tag-value-not-in-intacct", "tag-value-inactive"], diagnosis.Causes.Select(c => c.Id));
    }

    [Fact]
    public void ProjectNamedByInt480sApiError_ItsResourcesConfirmTheCause_CitingBoth()
    {
        var diagnosis = Assert.Single(Classify("""
            { "schemaVersion": 1, "operation": "export", "outcome": "failed",
              "apiErrors": [ { "function": "create", "object": "EEXPENSES", "description2": "The employee isn't a resource of the project 'P-100'." } ],
              "intacct": {
                "projects": [ { "id": "P-100", "customerId": "C-10", "active": true, "resourceEmployeeIds": [ "EMP-9" ] } ],
                "employees": [ { "id": "EMP-7", "email": "ana@acme.example", "active": true } ]
              },
              "report": { "id": "R-1", "submitterEmail": "ana@acme.example", "expenses": [ { "id": "E1", "line": 1, "amount": 10, "category": "Meals", "project": "P-100" } ] }
            }
            """).Diagnoses, d => d.Code == "INT480");

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var cause = Assert.Single(diagnosis.Causes);
        Assert.Equal("submitter-not-resource", cause.Id);
        Assert.Contains(cause.Facts, f => f.StartsWith("intacct.projects[P-100].resourceEmployeeIds = ", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Evidence, e => e.StartsWith("apiErrors[#0].description2 = ", StringComparison.Ordinal));
    }

    [Fact]
    public void AccountNamedByAnApiError_ItsRestrictionConfirmsTheCause_CitingBoth()
    {
        var diagnosis = Assert.Single(Classify("""
            { "schemaVersion": 1, "operation": "export", "outcome": "failed",
              "apiErrors": [ { "function": "create", "object": "CCTRANSACTION", "description2": "GL account '6400': '6400' specified is not valid. GL account is restricted" } ],
              "intacct": { "accounts": [ { "number": "6400", "active": true, "restricted": true } ] }
            }
            """).Diagnoses, d => d.Code == "INT860");

        Assert.Equal(Certainty.Confirmed, diagnosis.Certainty);
        var cause = Assert.Single(diagnosis.Causes, c => c.Id == "account-restricted");
        Assert.Contains("intacct.accounts[number=6400].restricted = true", cause.Facts);
        Assert.Contains(diagnosis.Evidence, e => e.StartsWith("apiErrors[#0].description2 = ", StringComparison.Ordinal));
    }

    [Fact]
    public void AccountNamedByAnApiError_AnotherAccountsFactsRuleNothingOut()
    {
        // The error names GL account 6400; the evidence knows only the card's account 2110, which is not restricted.
        var diagnosis = Assert.Single(Classify("""
            { "schemaVersion": 1, "operation": "export", "outcome": "failed",
              "apiErrors": [ { "function": "create", "object": "CCTRANSACTION", "description2": "GL account '6400': '6400' specified is not valid. GL account is restricted" } ],
              "intacct": {
                "accounts": [ { "number": "2110", "active": true, "restricted": false, "creditCardId": "AMEX-CORP" } ],
                "creditCards": [ { "id": "AMEX-CORP", "expiresOn": "2030-12-31", "accountNumber": "2110" } ]
              },
              "workspace": { "export": { "nonReimbursable": "creditCard", "creditCardId": "AMEX-CORP" } }
            }
            """).Diagnoses, d => d.Code == "INT860");

        Assert.Equal("6400", diagnosis.Subject["account"]);
        Assert.DoesNotContain(diagnosis.RuledOut, c => c.Id == "account-restricted");
        Assert.Contains(diagnosis.Causes, c => c.Id == "account-restricted");
    }

    [Fact]
    public void CardNamedByAMessage_TheExportCardsFactsRuleNothingOut()
    {
        // The message names card VISA-9, which the evidence does not hold; the export's card has not expired.
        var diagnosis = Assert.Single(Classify("""
            { "schemaVersion": 1, "operation": "export", "outcome": "failed", "observedAt": "2026-11-20T09:12:00Z",
              "messages": [ "INT093 Export Error: Credit Card VISA-9 is invalid. Please check the card’s expiration date in Sage Intacct and update it if it has expired." ],
              "intacct": { "creditCards": [ { "id": "AMEX-CORP", "expiresOn": "2030-12-31", "accountNumber": "2110" } ] },
              "workspace": { "export": { "nonReimbursable": "creditCard", "creditCardId": "AMEX-CORP" } }
            }
            """).Diagnoses, d => d.Code == "INT093");

        Assert.Equal("VISA-9", diagnosis.Subject["creditCard"]);
        Assert.DoesNotContain(diagnosis.RuledOut, c => c.Id == "card-expired");
    }

    private static DiagnosisReport Classify(string json) => Classifier.Classify(SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json), "test.json"));
}
