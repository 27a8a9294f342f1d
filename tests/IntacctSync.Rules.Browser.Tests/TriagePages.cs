using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Cli;

namespace IntacctSync.Rules.Browser.Tests;

/// <summary>A triage page written by <c>intacct-sync diagnose --batch --html</c>, and what its JSON lines said (the expectations).</summary>
public sealed class TriagePage(string path, IReadOnlyList<ExpectedDocument> documents, long badLines, int inputLines)
{
    public string Path { get; } = path;

    /// <summary>The reports of the JSON lines, in input order.</summary>
    public IReadOnlyList<ExpectedDocument> Documents { get; } = documents;

    public long BadLines { get; } = badLines;

    /// <summary>Non-blank input lines.</summary>
    public int InputLines { get; } = inputLines;

    public long Bytes => new FileInfo(Path).Length;
}

public sealed record ExpectedDocument(long Line, IReadOnlyList<ExpectedDiagnosis> Diagnoses, IReadOnlyList<string> Unexplained)
{
    /// <summary>What the page's search looks in: the line, each diagnosis's code, title, message and subject, and the unexplained messages.</summary>
    public string SearchText => string.Join("\n", [Line.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Diagnoses.SelectMany(d => new[] { d.Code, d.Title, d.Message, d.Subject }), .. Unexplained]);
}

public sealed record ExpectedDiagnosis(string Code, string Certainty, string Title, string Subject, string Message, IReadOnlyList<string> Steps);

/// <summary>Writes the pages the browser tests open, through the command line, and reads the expectations from its JSON lines.</summary>
internal static class TriagePages
{
    /// <summary>Breaks out of the data block or of an attribute if anything is not escaped; sets <c>window.__pwned</c> if it runs.</summary>
    public const string ScriptBreakout = "</script><script>window.__pwned=1;alert('script')</script>\u2028\u2029<!--";

    public const string AttributeBreakout = "\"><img src=x onerror=\"window.__pwned=2;alert('img')\">'><svg onload=window.__pwned=3>";

    /// <summary>The file name of the cases page's input: the source is shown in the title and heading.</summary>
    public const string HostileFileName = "cases-\"><img src=x onerror=window.__pwned=4>.jsonl";

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    /// <summary>Every case document of the rule corpus, one compact line each, in a fixed order.</summary>
    public static IReadOnlyList<string> CaseLines() =>
        [.. System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(RepoRoot(), "tests", "IntacctSync.Rules.Tests", "Cases"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString())];

    /// <summary>A failed sync whose messages try to break out of the page.</summary>
    public static string HostileMessages() => new JsonObject
    {
        ["schemaVersion"] = 1,
        ["operation"] = "sync",
        ["outcome"] = "failed",
        ["messages"] = new JsonArray(ScriptBreakout, AttributeBreakout),
    }.ToJsonString();

    /// <summary>An inactive user-defined dimension (INT402) whose id and label try to break out: they fill the subject, message and plan.</summary>
    public static string HostileDimension()
    {
        var id = "X" + AttributeBreakout;
        return new JsonObject
        {
            ["schemaVersion"] = 1,
            ["operation"] = "sync",
            ["outcome"] = "failed",
            ["intacct"] = new JsonObject
            {
                ["dimensions"] = new JsonArray(new JsonObject { ["id"] = id, ["label"] = ScriptBreakout, ["userDefined"] = true, ["exists"] = true, ["active"] = false, ["configured"] = true }),
            },
            ["workspace"] = new JsonObject
            {
                ["coding"] = new JsonObject { ["dimensions"] = new JsonArray(new JsonObject { ["id"] = id, ["enabled"] = true, ["importAs"] = "tag" }) },
            },
        }.ToJsonString();
    }

    public static TriagePage Cases(string directory)
    {
        List<string> lines = [.. CaseLines(), HostileMessages(), HostileDimension(), "{\"schemaVersion\":1,\"colour\":\"blue\"}"];
        return Write(directory, HostileFileName, "cases.html", lines);
    }

    /// <summary>Every <paramref name="step"/>th case: a page with most codes and few rows.</summary>
    public static TriagePage Sample(string directory, int step)
    {
        var cases = CaseLines();
        return Write(directory, $"sample-{step}.jsonl", $"sample-{step}.html", [.. cases.Where((_, i) => i % step == 0)]);
    }

    public static TriagePage Large(string directory, int documents)
    {
        var cases = CaseLines();
        return Write(directory, $"large-{documents}.jsonl", $"large-{documents}.html", [.. Enumerable.Range(0, documents).Select(i => cases[i % cases.Count])]);
    }

    /// <summary>Documents that share no text: each an inactive dimension of its own name, which fills its message, causes and 8-step plan.</summary>
    public static TriagePage Distinct(string directory, int documents) =>
        Write(directory, $"distinct-{documents}.jsonl", $"distinct-{documents}.html", [.. Enumerable.Range(1, documents).Select(n =>
        {
            var id = "DIM" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            return "{\"schemaVersion\":1,\"operation\":\"sync\",\"outcome\":\"failed\",\"intacct\":{\"dimensions\":[{\"id\":\"" + id +
                "\",\"label\":\"Dim\",\"userDefined\":true,\"exists\":true,\"active\":false,\"configured\":true}]},\"workspace\":{\"coding\":{\"dimensions\":[{\"id\":\"" + id +
                "\",\"enabled\":true,\"importAs\":\"tag\"}]}}}";
        })]);

    /// <summary>Writes <c>diagnose FILE --format html</c> to <paramref name="page"/>; the JSON report of the same file is the expectation.</summary>
    public static ExpectedDocument Single(string evidence, string page)
    {
        using var html = new StringWriter();
        using var json = new StringWriter();
        using var stderr = new StringWriter();
        if (CliApp.Run(["diagnose", evidence, "--format", "html"], () => Stream.Null, html, stderr, outputRedirected: true) != 0
            || CliApp.Run(["diagnose", evidence, "--format", "json"], () => Stream.Null, json, stderr, outputRedirected: true) != 0)
        {
            throw new InvalidOperationException($"diagnose {evidence} failed: {stderr}");
        }

        File.WriteAllText(page, html.ToString(), new UTF8Encoding(false));
        return Parse("{\"line\":1,\"report\":" + json + "}");
    }

    private static TriagePage Write(string directory, string inputName, string pageName, List<string> lines)
    {
        var input = System.IO.Path.Combine(directory, inputName);
        File.WriteAllText(input, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
        var page = System.IO.Path.Combine(directory, pageName);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["diagnose", "--batch", input, "--html", page], () => Stream.Null, stdout, stderr, outputRedirected: true);
        // 0, or 2 when a bad line was given on purpose; anything else is a failure of the command, not of the page.
        if (code is not (0 or 2) || !File.Exists(page))
        {
            throw new InvalidOperationException($"diagnose --batch --html exited {code}: {stderr}");
        }

        var documents = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        return new TriagePage(page, documents, lines.Count - documents.Count, lines.Count);
    }

    private static ExpectedDocument Parse(string jsonLine)
    {
        using var json = JsonDocument.Parse(jsonLine);
        var diagnoses = json.RootElement.GetProperty("report").GetProperty("diagnoses").EnumerateArray().Select(d => new ExpectedDiagnosis(
            d.GetProperty("code").GetString()!,
            d.GetProperty("certainty").GetString()!,
            d.GetProperty("title").GetString()!,
            string.Join(", ", d.GetProperty("subject").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetString()}")),
            d.GetProperty("message").GetString()!,
            [.. d.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("path").GetString()}: {s.GetProperty("action").GetString()}")])).ToList();
        var unexplained = json.RootElement.GetProperty("report").GetProperty("unexplained").EnumerateArray().Select(u => u.GetString()!).ToList();
        return new ExpectedDocument(json.RootElement.GetProperty("line").GetInt64(), diagnoses, unexplained);
    }
}
