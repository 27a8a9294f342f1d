using System.Text;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>Small rule documents for load-time tests: one valid rule, and a compiler run that keeps its problems.</summary>
internal static class RuleFiles
{
    /// <summary>A valid document-subject rule; tests replace parts of it to break one thing at a time.</summary>
    public const string Valid = """
        {
          "$schema": "../rule.schema.json",
          "code": "INT999",
          "kind": "sync",
          "phase": "sync",
          "title": "A test rule",
          "subject": "document",
          "appliesWhen": "e.Failed",
          "causes": [
            {
              "id": "only-cause",
              "summary": "The job failed in {workspace}.",
              "establishedWhen": [ { "when": "e.SignInFailed", "facts": [] } ]
            }
          ],
          "steps": [
            { "cause": "only-cause", "system": "expensify", "path": "Settings > Workspaces", "action": "Check {workspace}." }
          ]
        }
        """;

    public static (CompiledRule? Rule, IReadOnlyList<RuleProblem> Problems) Compile(string json, string source = "test/INT999.json")
    {
        var problems = new List<RuleProblem>();
        var rule = new RuleCompiler().Compile(source, Encoding.UTF8.GetBytes(json), problems);
        return (rule, problems);
    }

    public static string With(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first line of <paramref name="json"/> that holds <paramref name="text"/>.</summary>
    public static long LineOf(string json, string text) =>
        json.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
