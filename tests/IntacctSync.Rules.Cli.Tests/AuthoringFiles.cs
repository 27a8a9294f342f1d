namespace IntacctSync.Rules.Cli.Tests;

/// <summary>An author's rule and a case for it, shared by the <c>rules validate</c> and <c>rules test</c> tests.</summary>
internal static class AuthoringFiles
{
    public const string Rule = """
        {
          "$schema": "../rules/rule.schema.json",
          "code": "INT999",
          "kind": "sync",
          "phase": "sync",
          "priority": 50,
          "title": "Sage Intacct refused the sync: API rate limit exceeded",
          "message": { "template": "INT999 Sync Error: Sage Intacct's API rate limit was exceeded." },
          "subject": "document",
          "indicatedWhen": "e.Evidence.ApiErrors != null && e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"GW-0010\")",
          "causes": [
            {
              "id": "rate-limited",
              "summary": "Sage Intacct rejected requests from {workspace}: the API rate limit was exceeded.",
              "establishedWhen": [
                { "when": "e.Evidence.ApiErrors != null && e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"GW-0010\")", "facts": ["apiErrors"] }
              ]
            }
          ],
          "steps": [
            { "cause": "rate-limited", "system": "other", "path": "Wait about an hour", "action": "Let the rate limit window pass." }
          ]
        }
        """;

    public const string Case = """
        { "schemaVersion": 1, "operation": "sync", "outcome": "failed", "apiErrors": [ { "errorNo": "GW-0010", "description": "API rate limit exceeded" } ] }
        """;

    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The 1-based line of the first line of <paramref name="json"/> that holds <paramref name="text"/>.</summary>
    public static int LineOf(string json, string text) =>
        json.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    public static string RepoRoot()
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
