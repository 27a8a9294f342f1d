using System.Reflection;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// The evidence the benchmarks classify: the rule corpus from the tests (every code's cases), embedded at
/// build time, and the built-in rule files themselves for the naive RulesEngine embeddings.
/// </summary>
internal static class Corpus
{
    private const string CasePrefix = "cases/INT402/";

    private const string AllCasesPrefix = "cases/";

    private const string RulePrefix = "rules/";

    public const string HealthyCase = "contract-healthy-sync";

    /// <summary>Every INT402 case file, by name (without <c>.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<(string Name, SyncEvidence Evidence)> Int402Cases() => Cases(CasePrefix, "INT402 case");

    /// <summary>Every case file of every code (<c>INT068/message-only</c>), in ordinal order.</summary>
    public static IReadOnlyList<(string Name, SyncEvidence Evidence)> AllCases() => Cases(AllCasesPrefix, "case");

    /// <summary>Every built-in rule file (<c>rules/sync/INT402.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<(string Path, byte[] Json)> RuleFiles()
    {
        var assembly = typeof(Corpus).Assembly;
        var files = Resources(assembly, RulePrefix).Select(r => (r, ReadResource(assembly, r))).ToList();
        return files.Count > 0
            ? files
            : throw new InvalidOperationException("No rule files are embedded; check the EmbeddedResource of rules/ in the csproj.");
    }

    private static List<(string Name, SyncEvidence Evidence)> Cases(string prefix, string what)
    {
        var assembly = typeof(Corpus).Assembly;
        var cases = new List<(string, SyncEvidence)>();
        foreach (var resource in Resources(assembly, prefix))
        {
            var name = resource[prefix.Length..^".json".Length];
            cases.Add((name, SyncEvidenceJson.Read(ReadResource(assembly, resource), name)));
        }

        if (cases.Count == 0)
        {
            throw new InvalidOperationException($"No {what} files are embedded; check the EmbeddedResource links in the csproj.");
        }

        return cases;
    }

    // MSBuild's %(RecursiveDir) uses the platform's separator; names are compared with '/'.
    private static IEnumerable<string> Resources(Assembly assembly, string prefix) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static SyncEvidence Case(string name) =>
        Int402Cases().FirstOrDefault(c => c.Name == name).Evidence
        ?? throw new InvalidOperationException($"Case {name} is not embedded.");

    public static byte[] Int402Rule() => ReadResource(typeof(Corpus).Assembly, Classifiers.Int402RuleName);

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
