using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// The realistic mix: every INT402 case once (healthy, INT402 variants, message-only, API errors,
/// near misses), then healthy evidence until <see cref="Size"/> documents, since most evidence a
/// pre-flight check sees is healthy. A fixed size keeps BenchmarkDotNet's per-operation figures per
/// classification.
/// </summary>
internal static class Mix
{
    public const int Size = 32;

    public static SyncEvidence[] Build() => PadWithHealthy(Corpus.Int402Cases(), Size, "Mix.Size");

    /// <summary>Every case once, then healthy evidence until <paramref name="size"/> documents.</summary>
    internal static SyncEvidence[] PadWithHealthy(IReadOnlyList<(string Name, SyncEvidence Evidence)> cases, int size, string sizeName)
    {
        if (cases.Count > size)
        {
            throw new InvalidOperationException($"The corpus has {cases.Count} cases; raise {sizeName} to at least that.");
        }

        var healthy = Corpus.Case(Corpus.HealthyCase);
        return [.. cases.Select(c => c.Evidence), .. Enumerable.Repeat(healthy, size - cases.Count)];
    }
}

/// <summary>
/// The realistic mix for the whole catalog: every case of every code once (healthy, INT402 variants,
/// export errors, message-only, API errors, near misses), then healthy evidence until <see cref="Size"/>
/// documents, about a third of the mix.
/// </summary>
internal static class CatalogMix
{
    public const int Size = 320;

    public static SyncEvidence[] Build() => Mix.PadWithHealthy(Corpus.AllCases(), Size, "CatalogMix.Size");
}
