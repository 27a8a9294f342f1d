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

    public static SyncEvidence[] Build()
    {
        var cases = Corpus.Int402Cases();
        if (cases.Count > Size)
        {
            throw new InvalidOperationException($"The corpus has {cases.Count} cases; raise Mix.Size to at least that.");
        }

        var healthy = cases.Single(c => c.Name == Corpus.HealthyCase).Evidence;
        return [.. cases.Select(c => c.Evidence), .. Enumerable.Repeat(healthy, Size - cases.Count)];
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

    public static SyncEvidence[] Build()
    {
        var cases = Corpus.AllCases();
        if (cases.Count > Size)
        {
            throw new InvalidOperationException($"The corpus has {cases.Count} cases; raise CatalogMix.Size to at least that.");
        }

        var healthy = Corpus.Case(Corpus.HealthyCase);
        return [.. cases.Select(c => c.Evidence), .. Enumerable.Repeat(healthy, Size - cases.Count)];
    }
}
