using System.Text;
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
    [InlineData("\"excludedWhen\": [ { \"when\": \"e.Evidence.Workspace.Coding.BillableEnabled == true\"", "\"excludedWhen\": [ { \"when\": \"e.Evidence.Workspace.Coding.BillableMapped == true\"", "are not one fact compared with true and with false")]
    [InlineData("\"facts\": [\"workspace.coding.billableEnabled\"] } ],\n      \"excludedWhen\"", "\"facts\": [\"workspace.coding.billableMapped\"] } ],\n      \"excludedWhen\"", "establishedWhen cites [workspace.coding.billableMapped]")]
    [InlineData("\"field\": \"workspace.coding.billableEnabled\"", "\"field\": \"workspace.coding.billableMapped\"", "missingEvidence asks for workspace.coding.billableMapped")]
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
}
