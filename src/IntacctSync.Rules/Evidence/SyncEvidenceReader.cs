using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Evidence;

/// <summary>
/// Reads evidence documents within a size limit: <see cref="IntacctSyncRulesOptions.MaxEvidenceBytes"/> when
/// <c>AddIntacctSyncRules</c> registers it (read at every call, so a changed option applies to the next document),
/// or the limit given to the constructor. A host that takes evidence from strangers (a request body) reads it
/// through this service, so the option it configured is the one enforced.
/// </summary>
/// <remarks>Thread-safe. <see cref="SyncEvidenceJson"/> does the reading; this type only supplies the limit.</remarks>
public sealed class SyncEvidenceReader
{
    private readonly IOptionsMonitor<IntacctSyncRulesOptions>? _options;
    private readonly int _maxBytes;

    /// <summary>A reader with a fixed limit.</summary>
    /// <param name="maxBytes">The largest document accepted, in bytes; at least 1,024 (<see cref="SyncEvidenceJson.DefaultMaxBytes"/> is the default elsewhere).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is below 1,024.</exception>
    public SyncEvidenceReader(int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1024);
        _maxBytes = maxBytes;
    }

    /// <summary>A reader that follows <see cref="IntacctSyncRulesOptions.MaxEvidenceBytes"/>.</summary>
    /// <param name="options">The options, as the container holds them.</param>
    public SyncEvidenceReader(IOptionsMonitor<IntacctSyncRulesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The largest document accepted now, in bytes.</summary>
    public int MaxBytes => _options?.CurrentValue.MaxEvidenceBytes ?? _maxBytes;

    /// <summary>Reads one evidence document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read, or is larger than <see cref="MaxBytes"/>.</exception>
    public SyncEvidence Read(string json, string? source = null) => SyncEvidenceJson.Read(json, source, MaxBytes);

    /// <summary>Reads one evidence document from UTF-8 bytes.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read, or is larger than <see cref="MaxBytes"/>.</exception>
    public SyncEvidence Read(ReadOnlySpan<byte> utf8, string? source = null) => SyncEvidenceJson.Read(utf8, source, MaxBytes);

    /// <summary>Reads one evidence document from a stream asynchronously (an ASP.NET Core request body), refusing it as soon as it passes <see cref="MaxBytes"/>.</summary>
    /// <param name="utf8Json">The document, UTF-8; read to its end, not closed.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read, or is larger than <see cref="MaxBytes"/>.</exception>
    public Task<SyncEvidence> ReadAsync(Stream utf8Json, string? source = null, CancellationToken cancellationToken = default) =>
        SyncEvidenceJson.ReadAsync(utf8Json, source, MaxBytes, cancellationToken);
}
