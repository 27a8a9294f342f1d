using System.Reflection;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// The evidence the benchmarks classify: the INT402 rule corpus from the tests, embedded at build time,
/// and the rule file itself for the naive RulesEngine embedding.
/// </summary>
internal static class Corpus
{
    private const string CasePrefix = "cases/INT402/";

    public const string HealthyCase = "contract-healthy-sync";

    /// <summary>Every INT402 case file, by name (without <c>.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<(string Name, SyncEvidence Evidence)> Int402Cases()
    {
        var assembly = typeof(Corpus).Assembly;
        var cases = new List<(string, SyncEvidence)>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(CasePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var name = resource[CasePrefix.Length..^".json".Length];
            cases.Add((name, SyncEvidenceJson.Read(ReadResource(assembly, resource), name)));
        }

        if (cases.Count == 0)
        {
            throw new InvalidOperationException("No INT402 case files are embedded; check the EmbeddedResource links in the csproj.");
        }

        return cases;
    }

    public static SyncEvidence Case(string name) =>
        Int402Cases().FirstOrDefault(c => c.Name == name).Evidence
        ?? throw new InvalidOperationException($"Case {name} is not embedded.");

    public static byte[] Int402Rule() => ReadResource(typeof(Corpus).Assembly, "rules/sync/INT402.json");

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
