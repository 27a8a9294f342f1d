namespace IntacctSync.Rules;

/// <summary>
/// A rule file that does not live in a directory: an embedded resource of the host, a row of a database,
/// a download. Added to <see cref="IntacctSyncRulesOptions.RuleSources"/>, it extends or overrides the
/// catalog exactly as a file of a rule directory does.
/// </summary>
public sealed class RuleSource
{
    private readonly Func<Stream> _open;

    /// <summary>Creates a source.</summary>
    /// <param name="name">
    /// The name problems and reports give the rule (in the place of a file path), for instance
    /// <c>"tenant-42/INT402.json"</c>. Unique among the sources.
    /// </param>
    /// <param name="open">
    /// Opens the rule's UTF-8 JSON. Called at every load (and reload); the stream is read to its end and
    /// disposed. An exception it throws is reported as a problem of this source.
    /// </param>
    public RuleSource(string name, Func<Stream> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        Name = name;
        _open = open;
    }

    /// <summary>The name problems and reports give this rule.</summary>
    public string Name { get; }

    /// <summary>Reads the whole rule file.</summary>
    internal byte[] Read()
    {
        using var stream = _open() ?? throw new InvalidOperationException("the stream factory returned null");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
