namespace IntacctSync.Rules.Cli.Rendering.Html;

/// <summary>What the triage page's summary says about one code.</summary>
internal sealed class CodeTally(string title)
{
    /// <summary>The code's title, as its first diagnosis gave it.</summary>
    public string Title { get; } = title;

    /// <summary>Diagnoses of the code, indexed by <see cref="Diagnoses.Certainty"/>.</summary>
    public long[] ByCertainty { get; } = new long[3];

    public long Total => ByCertainty.Sum();

    /// <summary>Causes established by confirmed diagnoses: how often, and one summary as an example.</summary>
    public Counter Established { get; } = new();

    /// <summary>Fields of <c>missingEvidence</c> (selectors generalized to <c>[*]</c>): how often, and why one is needed.</summary>
    public Counter Missing { get; } = new();

    /// <summary>Counts keys, keeping the first example text of each.</summary>
    internal sealed class Counter
    {
        private readonly Dictionary<string, (long Count, string Example)> _counts = new(StringComparer.Ordinal);

        public int Distinct => _counts.Count;

        public void Add(string key, string example) =>
            _counts[key] = _counts.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);

        /// <summary>The most frequent first, ties by key.</summary>
        public IEnumerable<(string Key, long Count, string Example)> Top(int count) =>
            _counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count).Select(c => (c.Key, c.Value.Count, c.Value.Example));
    }
}
