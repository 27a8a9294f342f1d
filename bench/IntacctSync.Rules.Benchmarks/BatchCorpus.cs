using System.Globalization;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Benchmarks.Infrastructure;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>The batch benchmark's JSONL file: every rule case of the tests on one line each, repeated in a fixed order.</summary>
internal static class BatchCorpus
{
    public static int Documents { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("INTACCTSYNC_BATCH_DOCUMENTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100_000;

    /// <summary>Writes the file when it is missing (same content for the same count) and returns its path.</summary>
    public static string Ensure(int documents)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "BenchmarkDotNet.Artifacts", "batch")).FullName;
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"evidence-{documents}.jsonl"));
        if (File.Exists(path))
        {
            return path;
        }

        var cases = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests/IntacctSync.Rules.Tests/Cases"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString())
            .ToList();

        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary) { NewLine = "\n" })
        {
            for (var i = 0; i < documents; i++)
            {
                writer.WriteLine(cases[i % cases.Count]);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
