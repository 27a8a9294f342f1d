using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary><see cref="RuleMigration"/>: a format 1 file is rewritten only where the answers cannot change, and says where and why not.</summary>
public sealed class RuleMigrationTests
{
    private const string Simple = """
        {
          "$schema": "../rule.schema.json",
          "code": "INT999",
          "kind": "export",
          "phase": "export",
          "title": "A test rule",
          "subject": "document",
          "indicatedWhen": "e.Failed",
          "causes": [
            {
              "id": "billable-off",
              "summary": "Billable is off.",
              "establishedWhen": [ { "when": "(e.Evidence.Workspace.Coding.BillableEnabled == false)", "facts": ["workspace.coding.billableEnabled"] } ],
              "excludedWhen": [ { "when": "e.Evidence.Workspace.Coding.BillableEnabled == true", "facts": ["workspace.coding.billableEnabled"] } ],
              "missingEvidence": [ { "when": "e.Evidence.Workspace == null || e.Evidence.Workspace.Coding == null || e.Evidence.Workspace.Coding.BillableEnabled == null", "field": "workspace.coding.billableEnabled", "why": "Whether billable is on." } ]
            }
          ],
          "steps": [ { "cause": "billable-off", "system": "expensify", "path": "Coding", "action": "Turn billable on." } ]
        }
        """;

    [Fact]
    public void OneFactsTwoValues_IsRewrittenIntoOneWhen_ThatLoads()
    {
        var result = RuleMigration.Migrate("test/INT999.json", Encoding.UTF8.GetBytes(Simple));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Migrated);
        Assert.Contains("\"format\": 2", result.Migrated, StringComparison.Ordinal);
        Assert.Contains("\"when\": \"workspace.coding.billableEnabled == false\"", result.Migrated, StringComparison.Ordinal);
        Assert.Contains("\"workspace.coding.billableEnabled\": \"Whether billable is on.\"", result.Migrated, StringComparison.Ordinal);
        Assert.DoesNotContain("establishedWhen", result.Migrated, StringComparison.Ordinal);
        var (rule, problems) = RuleFiles.Compile(result.Migrated);
        Assert.Empty(problems);
        Assert.NotNull(Assert.Single(rule!.Causes).Verdict);

        // Run again: a format 2 file is left as it is, with nothing to say.
        var again = RuleMigration.Migrate("test/INT999.json", Encoding.UTF8.GetBytes(result.Migrated));
        Assert.Null(again.Migrated);
        Assert.Empty(again.Problems);
    }

    [Theory]
    [InlineData("\"excludedWhen\": [ { \"when\": \"e.Evidence.Workspace.Coding.BillableEnabled == true\"", "\"excludedWhen\": [ { \"when\": \"e.Evidence.Workspace.Coding.BillableMapped == true\"", "are not each other's Kleene negation")]
    [InlineData("\"facts\": [\"workspace.coding.billableEnabled\"] } ],\n      \"excludedWhen\"", "\"facts\": [\"workspace.coding.billableMapped\"] } ],\n      \"excludedWhen\"", "establishedWhen cites [workspace.coding.billableMapped]")]
    [InlineData("\"when\": \"e.Evidence.Workspace == null || e.Evidence.Workspace.Coding == null || e.Evidence.Workspace.Coding.BillableEnabled == null\"", "\"when\": \"e.Evidence.Workspace.Coding.BillableMapped == null\"", "missingEvidence asks for workspace.coding.billableEnabled when \"e.Evidence.Workspace.Coding.BillableMapped == null\", not when")]
    [InlineData("\"indicatedWhen\": \"e.Failed\"", "// a comment\n  \"indicatedWhen\": \"e.Failed\"", "the file has comments")]
    public void AnythingElse_IsLeft_WithItsLineAndReason(string find, string replace, string reason)
    {
        var json = Simple.Replace(find, replace, StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.NotEqual(Simple.Replace("\r\n", "\n", StringComparison.Ordinal), json);

        var result = RuleMigration.Migrate("test/INT999.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(result.Migrated);
        var problem = Assert.Single(result.Problems);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line > 1);
    }

    // INT996 is not a built-in code. Each cause is the format 1 shape one construct of format 2 carries: a sighting that
    // only lets the cause be proven (establishedOnlyIf), missing evidence the verdict does not read (ask), and context
    // cited beside the deciding fact (cite).
    private const string Constructs = """
        {
          "$schema": "../rule.schema.json",
          "code": "INT996",
          "kind": "export",
          "phase": "export",
          "title": "A migration test rule",
          "message": { "template": "INT996 Export Error: the test rule." },
          "subject": "document",
          "indicatedWhen": "e.Failed",
          "causes": [
            {
              "id": "unmapped",
              "summary": "Billable expenses are not mapped.",
              "establishedWhen": [ { "when": "e.MessageSeen(\"INT996\") && (e.Evidence.Workspace.Coding.BillableMapped == false)", "facts": ["workspace.coding.billableMapped"] } ],
              "excludedWhen": [ { "when": "!(e.Evidence.Workspace.Coding.BillableMapped == false)", "facts": ["workspace.coding.billableMapped"] } ],
              "missingEvidence": [ { "when": "e.Evidence.Workspace == null || e.Evidence.Workspace.Coding == null || e.Evidence.Workspace.Coding.BillableMapped == null", "field": "workspace.coding.billableMapped", "why": "Whether billable expenses are mapped." } ]
            },
            {
              "id": "billable-off",
              "summary": "Billable is off.",
              "establishedWhen": [ { "when": "e.Evidence.Workspace.Coding.BillableEnabled == false", "facts": ["workspace.coding.billableEnabled"] } ],
              "excludedWhen": [ { "when": "e.Evidence.Workspace.Coding.BillableEnabled != false", "facts": ["workspace.coding.billableEnabled"] } ],
              "missingEvidence": [
                { "when": "e.Evidence.Workspace.Coding.BillableEnabled == null", "field": "workspace.coding.billableEnabled", "why": "Whether billable is on." },
                { "when": "e.Evidence.Workspace.Coding.BillableMapped != true", "field": "workspace.coding.taxImportEnabled", "why": "Whether taxes are imported, which would point to another code." },
                { "when": "e.Evidence.Workspace == null || e.Evidence.Workspace.Name == null", "field": "workspace.name", "why": "Which workspace it is." }
              ]
            },
            {
              "id": "tax-import-on",
              "summary": "Tax import is on.",
              "establishedWhen": [ { "when": "e.Evidence.Workspace.Coding.TaxImportEnabled == true", "facts": ["workspace.coding.taxImportEnabled", "workspace.name"] } ],
              "excludedWhen": [ { "when": "e.Evidence.Workspace.Coding.TaxImportEnabled == false", "facts": ["workspace.coding.taxImportEnabled"] } ]
            }
          ],
          "steps": [
            { "cause": "unmapped", "system": "expensify", "path": "Coding", "action": "Map billable." },
            { "cause": "billable-off", "system": "expensify", "path": "Coding", "action": "Turn billable on." },
            { "cause": "tax-import-on", "system": "expensify", "path": "Coding", "action": "Turn tax import off." }
          ]
        }
        """;

    [Fact]
    public void ASightingAMissingFactAndAContextFact_BecomeEstablishedOnlyIfAskAndCite_WithTheSameAnswers()
    {
        var result = RuleMigration.Migrate("test/INT996.json", Encoding.UTF8.GetBytes(Constructs));

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Migrated);
        var causes = System.Text.Json.Nodes.JsonNode.Parse(result.Migrated)!["causes"]!.AsArray();
        Assert.Equal("workspace.coding.billableMapped == false", (string?)causes[0]!["when"]);
        Assert.Equal("e.MessageSeen(\"INT996\")", (string?)causes[0]!["establishedOnlyIf"]);
        Assert.Equal("""[{"fact":"workspace.coding.taxImportEnabled","when":"e.Evidence.Workspace.Coding.BillableMapped != true"},{"fact":"workspace.name"}]""", causes[1]!["ask"]!.ToJsonString());
        Assert.Equal("""["workspace.name"]""", causes[2]!["cite"]!.ToJsonString());

        var verdicts = AssertSameAnswers(Constructs, result.Migrated, "INT996", Documents(
            ("messages", ["[\"INT996 Export Error: the test rule.\"]", null]),
            ("billableMapped", ["true", "false", null]),
            ("billableEnabled", ["true", "false", null]),
            ("taxImportEnabled", ["true", "false", null]),
            ("name", ["\"Acme US\"", null])));

        // The documents reach every verdict of every cause: the comparison is not over answers that never differ.
        foreach (var cause in new[] { "unmapped", "billable-off", "tax-import-on" })
        {
            Assert.Equal(["established", "possible", "ruled-out"], verdicts.Where(v => v.Cause == cause).Select(v => v.Verdict).Distinct().Order());
        }
    }

    [Theory]
    [InlineData("\"!(e.Evidence.Workspace.Coding.BillableMapped == false)\"", "\"e.Evidence.Workspace.Coding.BillableMapped == true && e.Evidence.Workspace.Coding.BillableEnabled == true\"", "establishedOnlyIf: excludedWhen \"e.Evidence.Workspace.Coding.BillableMapped == true && e.Evidence.Workspace.Coding.BillableEnabled == true\" is not the Kleene negation of any one part")]
    [InlineData("e.MessageSeen(\\\"INT996\\\") && ", "e.Evidence.Workspace.Coding.BillableEnabled == true && ", "establishedOnlyIf: the rest of establishedWhen, \"e.Evidence.Workspace.Coding.BillableEnabled == true\", reads facts (workspace.coding.billableEnabled)")]
    [InlineData("\"field\": \"workspace.name\"", "\"field\": \"intacct.vendors[{vendor}].onHold\"", "ask: missingEvidence asks for intacct.vendors[{vendor}].onHold, which selects its record by {vendor}")]
    [InlineData("\"facts\": [\"workspace.coding.taxImportEnabled\", \"workspace.name\"]", "\"facts\": [\"workspace.coding.taxImportEnabled\", \"intacct.vendors[{vendor}].onHold\"]", "cite: establishedWhen cites intacct.vendors[{vendor}].onHold, which selects its record by {vendor}")]
    [InlineData("\"facts\": [\"workspace.coding.taxImportEnabled\", \"workspace.name\"]", "\"facts\": [\"workspace.name\", \"workspace.coding.taxImportEnabled\"]", "establishedWhen cites [workspace.name, workspace.coding.taxImportEnabled], while format 2 cites what")]
    public void WhatANewConstructCannotCarry_IsRefused_NamingTheCauseAndTheConstruct(string find, string replace, string reason)
    {
        var json = Constructs.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Constructs, json);

        var result = RuleMigration.Migrate("test/INT996.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(result.Migrated);
        var problem = Assert.Single(result.Problems);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Matches(@"^\$\.causes\[\d\]: cause [a-z-]+: ", problem.Message);
    }

    [Theory]
    [InlineData("d.Active == true", "d.Active == false", true)]
    [InlineData("d.Active == true", "d.Active != true", true)]
    [InlineData("d.Active == true", "!(d.Active == true)", true)]
    [InlineData("e.Failed", "!e.Failed", true)]
    [InlineData("e.MessageSeen(\"INT402\") || d.Active == false", "!e.MessageSeen(\"INT402\") && d.Active == true", true)]
    [InlineData("d.Active == true && d.Configured == true", "!(d.Configured == true) || d.Active == false", false)] // the order of the parts is kept
    [InlineData("e.Evidence.ApiErrors.Count() > 0", "e.Evidence.ApiErrors.Count() <= 0", true)]
    [InlineData("e.Evidence.ApiErrors.Count() == 0", "e.Evidence.ApiErrors.Count() > 0", false)] // true only because a count is never negative
    [InlineData("d.Active == null", "d.Active != null", true)]
    [InlineData("d.Active == true", "d.Active == null", false)]
    [InlineData("e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"BL01\")", "!e.Evidence.ApiErrors.Any(x => x.ErrorNo == \"BL01\")", true)]
    [InlineData("e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"BL01\")", "!e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"BL02\")", false)]
    public void KleeneNegation_IsDecidedOnTheParsedConditions(string condition, string negated, bool expected)
    {
        var parser = new RuleCompiler(useGenerated: false);

        Assert.Equal(expected, RuleMigration.IsKleeneNegation(parser.ParseRaw("dimension", condition), parser.ParseRaw("dimension", negated)));
    }

    // Every combination of the knobs' values (null: the field left out) as a workspace.coding document with a failed export.
    private static List<string> Documents(params (string Name, string?[] Values)[] knobs)
    {
        IEnumerable<List<(string Name, string? Value)>> all = [[]];
        foreach (var (name, values) in knobs)
        {
            all = all.SelectMany(set => values.Select(v => (List<(string, string?)>)[.. set, (name, v)]));
        }

        return [.. all.Select(set =>
        {
            var known = set.Where(k => k.Value is not null).ToDictionary(k => k.Name, k => k.Value!);
            var coding = string.Join(", ", known.Where(k => k.Key is not ("messages" or "name")).Select(k => $"\"{k.Key}\": {k.Value}"));
            var name = known.TryGetValue("name", out var n) ? $"\"name\": {n}, " : string.Empty;
            var messages = known.TryGetValue("messages", out var m) ? $"\"messages\": {m}, " : string.Empty;
            return $$"""{ "schemaVersion": 1, "operation": "export", "outcome": "failed", {{messages}}"workspace": { {{name}}"coding": { {{coding}} } } }""";
        }),
        """{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "messages": ["INT996 Export Error: the test rule."] }""",
        """{ "schemaVersion": 1, "operation": "export", "outcome": "failed", "workspace": { "name": "Acme US" } }"""];
    }

    /// <summary>
    /// Classifies every document with the format 1 rule and with its migrated form, each the only custom rule, and asserts
    /// the two reports are the same (verdicts, cited facts, missing evidence, steps, certainty); returns each cause's verdicts.
    /// </summary>
    private static List<(string Cause, string Verdict)> AssertSameAnswers(string format1, string migrated, string code, List<string> documents)
    {
        using var before = Classifier(format1, code);
        using var after = Classifier(migrated, code);
        var verdicts = new List<(string, string)>();
        foreach (var document in documents)
        {
            var evidence = SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(document), "test.json");
            var old = before.Classify(evidence);
            Assert.Equal(DiagnosisReportJson.Write(old), DiagnosisReportJson.Write(after.Classify(evidence)));
            if (old.Diagnoses.SingleOrDefault(d => d.Code == code) is { } diagnosis)
            {
                // Causes lists the established causes when one is (the diagnosis is confirmed), else the possible ones.
                var established = diagnosis.Certainty == Certainty.Confirmed;
                verdicts.AddRange(diagnosis.Causes.Select(c => (c.Id, established ? "established" : "possible")));
                verdicts.AddRange(diagnosis.RuledOut.Select(c => (c.Id, "ruled-out")));
            }
        }

        return verdicts;
    }

    private static SyncErrorClassifier Classifier(string rule, string code)
    {
        var options = new IntacctSyncRulesOptions();
        options.RuleSources.Add(new RuleSource($"test/{code}.json", () => new MemoryStream(Encoding.UTF8.GetBytes(rule))));
        return SyncErrorClassifier.Create(options);
    }
}
