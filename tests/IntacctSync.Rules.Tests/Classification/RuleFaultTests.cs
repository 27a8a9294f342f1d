using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Tests.Classification;

/// <summary>
/// A rule that fails for one subject loses only its finding for that subject: the rest of the report is made, the
/// failure is listed under <c>faults</c> and logged (event 8, RuleFaulted), and <c>Classify</c> does not throw.
/// </summary>
public sealed class RuleFaultTests
{
    // Two imported user-defined dimensions, one inactive (INT402 confirmed for it by the built-in rule).
    private const string TwoDimensions = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "outcome": "failed",
          "workspace": { "name": "Acme US", "coding": { "dimensions": [
            { "id": "COSTCENTER", "enabled": true, "importAs": "tag" },
            { "id": "FUND", "enabled": true, "importAs": "tag" } ] } },
          "intacct": { "dimensions": [
            { "id": "COSTCENTER", "userDefined": true, "exists": true, "active": false, "configured": true },
            { "id": "FUND", "userDefined": true, "exists": true, "active": true, "configured": true } ] }
        }
        """;

    // A custom rule whose condition reads past the end of a short dimension id: it fails for FUND (4 letters)
    // and works for COSTCENTER.
    private const string SubstringRule = """
        {
          "code": "INT998", "kind": "sync", "phase": "sync", "title": "A custom dimension check",
          "subject": "dimension", "subjectValues": { "dimension": "d.Key" },
          "causes": [ { "id": "centre", "summary": "{dimension} is a centre.",
            "establishedWhen": [ { "when": "d.Key.Substring(5) == \"ENTER\"", "facts": [] } ] } ],
          "steps": [ { "system": "other", "path": "Nowhere", "action": "Nothing." } ]
        }
        """;

    [Fact]
    public void Classify_RuleFailingForOneSubject_ReportsTheRestAndListsTheFault()
    {
        var classifier = SyncErrorClassifier.Create(Options(SubstringRule));

        var report = classifier.Classify(Read(TwoDimensions));

        // The custom rule still fired for the subject it could evaluate, and the built-in catalog was untouched.
        Assert.Contains(report.Diagnoses, d => d.Code == "INT998" && d.Subject.GetValueOrDefault("dimension") == "COSTCENTER");
        Assert.Contains(report.Diagnoses, d => d.Code == "INT402" && d.Subject.GetValueOrDefault("dimension") == "COSTCENTER" && d.Certainty == Certainty.Confirmed);
        Assert.DoesNotContain(report.Diagnoses, d => d.Code == "INT998" && d.Subject.GetValueOrDefault("dimension") == "FUND");
        var fault = Assert.Single(report.Faults);
        Assert.Equal("tenant/INT998.json", fault.Rule);
        Assert.Equal("dimension FUND", fault.Subject);
        Assert.StartsWith("INT998: ArgumentOutOfRangeException: ", fault.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', fault.Error);

        var json = DiagnosisReportJson.Write(report);
        Assert.Contains("\"faults\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"subject\": \"dimension FUND\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_HealthyRules_HaveNoFaults_AndTheJsonHasNoFaultsMember()
    {
        var report = SyncErrorClassifier.Create().Classify(Read(TwoDimensions));

        Assert.Empty(report.Faults);
        Assert.DoesNotContain("faults", DiagnosisReportJson.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FailingGateAndValue_AreFaultsToo()
    {
        // The gate fails on every document; the value expression fails when the report is written.
        var gate = SubstringRule.Replace("\"subject\": \"dimension\", \"subjectValues\": { \"dimension\": \"d.Key\" },", "\"subject\": \"document\", \"appliesWhen\": \"e.WorkspaceName.Substring(50) == \\\"x\\\"\",", StringComparison.Ordinal)
            .Replace("d.Key.Substring(5) == \\\"ENTER\\\"", "e.Failed", StringComparison.Ordinal);
        var value = SubstringRule.Replace("\"subject\": \"dimension\", \"subjectValues\": { \"dimension\": \"d.Key\" },", "\"subject\": \"document\", \"subjectValues\": { \"dimension\": \"e.WorkspaceName.Substring(50)\" },", StringComparison.Ordinal)
            .Replace("d.Key.Substring(5) == \\\"ENTER\\\"", "e.Failed", StringComparison.Ordinal)
            .Replace("INT998", "INT997", StringComparison.Ordinal)
            .Replace("A custom dimension check", "Another check", StringComparison.Ordinal);

        var report = SyncErrorClassifier.Create(Options(gate, value)).Classify(Read(TwoDimensions));

        Assert.Equal(2, report.Faults.Count);
        Assert.Contains(report.Faults, f => f.Rule == "tenant/INT998.json" && f.Subject == "document");
        Assert.Contains(report.Faults, f => f.Rule == "tenant/INT997.json" && f.Subject == "document");

        // The value is left out; the diagnosis it belonged to stands.
        var diagnosis = Assert.Single(report.Diagnoses, d => d.Code == "INT997");
        Assert.False(diagnosis.Subject.ContainsKey("dimension"));
    }

    [Fact]
    public void Classify_ThroughDependencyInjection_LogsEachFault()
    {
        using var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddIntacctSyncRules(o => o.RuleSources.Add(Source("tenant/INT998.json", SubstringRule)));
        using var provider = services.BuildServiceProvider();

        var report = provider.GetRequiredService<ISyncErrorClassifier>().Classify(Read(TwoDimensions));

        Assert.Single(report.Faults);
        var entry = Assert.Single(logs.Named("RuleFaulted"));
        Assert.Equal(8, entry.EventId.Id);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("tenant/INT998.json", entry.Values["Rule"]);
        Assert.Equal("dimension FUND", entry.Values["Subject"]);
    }

    private static IntacctSyncRulesOptions Options(params string[] rules)
    {
        var options = new IntacctSyncRulesOptions();
        foreach (var rule in rules)
        {
            var code = rule.Contains("INT997", StringComparison.Ordinal) ? "INT997" : "INT998";
            options.RuleSources.Add(Source($"tenant/{code}.json", rule));
        }

        return options;
    }

    private static RuleSource Source(string name, string json) => new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static SyncEvidence Read(string json) => SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json), "test.json");
}
