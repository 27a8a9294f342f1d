using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Evidence;

/// <summary>
/// Reads and writes evidence documents (JSON, version 1) strictly: unknown fields, wrong types, a
/// wrong <c>schemaVersion</c> and oversized input are refused with an <see cref="EvidenceFormatException"/>
/// that names the JSON path, line and column.
/// </summary>
/// <remarks>All members are thread-safe.</remarks>
public static class SyncEvidenceJson
{
    /// <summary>The default largest document read: 16 MiB.</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>Reads one evidence document from UTF-8 bytes.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="source">A name for the input in error messages (a file name), or <c>null</c>.</param>
    /// <param name="maxBytes">The largest document accepted.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read; the message says where and why.</exception>
    public static SyncEvidence Read(ReadOnlySpan<byte> utf8, string? source = null, int maxBytes = DefaultMaxBytes)
    {
        if (utf8.Length > maxBytes)
        {
            throw TooLarge(utf8.Length, source, maxBytes);
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new EvidenceFormatException(
                "the input is empty; expected a JSON object such as {\"schemaVersion\": 1}", source);
        }

#if INTACCTSYNC_NO_FAST_READERS
        // A measuring build only (bench/README.md, "The generated readers"): every document through the serializer.
        return ReadWithSerializer(utf8, source);
#else
        return FastEvidenceReader.TryRead(utf8) ?? ReadWithSerializer(utf8, source);
#endif
    }

    /// <summary>
    /// The strict reading through System.Text.Json: the evidence, or the error that says where and why. Every
    /// document that <see cref="FastEvidenceReader"/> does not accept outright is read here.
    /// </summary>
    internal static SyncEvidence ReadWithSerializer(ReadOnlySpan<byte> utf8, string? source)
    {
        SyncEvidence? evidence;
        try
        {
            evidence = JsonSerializer.Deserialize(utf8, EvidenceJsonOptions.SyncEvidence);
        }
        catch (JsonException ex)
        {
            throw EvidenceErrors.Explain(ex, utf8, source);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            throw new EvidenceFormatException($"the input is not valid UTF-8 JSON: {ex.Message}", source, innerException: ex);
        }

        if (evidence is null)
        {
            throw new EvidenceFormatException("expected a JSON object, got null", source, "$", 1, 1);
        }

        EvidenceErrors.Validate(utf8, source);
        return evidence;
    }

    /// <summary>Reads one evidence document from text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="maxBytes">The largest document accepted, in UTF-8 bytes.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read.</exception>
    public static SyncEvidence Read(string json, string? source = null, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > maxBytes)
        {
            throw TooLarge(json.Length, source, maxBytes);
        }

        return Read(Encoding.UTF8.GetBytes(json), source, maxBytes);
    }

    /// <summary>Reads one evidence document from a stream, refusing it as soon as it passes <paramref name="maxBytes"/>.</summary>
    /// <param name="utf8Json">The document, UTF-8.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="maxBytes">The largest document accepted.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read.</exception>
    public static SyncEvidence Read(Stream utf8Json, string? source = null, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = StreamBuffer.ReadAll(utf8Json, maxBytes, size => TooLarge(size, source, maxBytes));
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source, maxBytes);
    }

    /// <summary>
    /// Reads one evidence document from a stream asynchronously (an ASP.NET Core request body, which refuses
    /// synchronous reads), refusing it as soon as it passes <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="utf8Json">The document, UTF-8; read to its end, not closed.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="maxBytes">The largest document accepted.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="EvidenceFormatException">The document cannot be read.</exception>
    public static async Task<SyncEvidence> ReadAsync(Stream utf8Json, string? source = null, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = await StreamBuffer.ReadAllAsync(utf8Json, maxBytes, size => TooLarge(size, source, maxBytes), cancellationToken).ConfigureAwait(false);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source, maxBytes);
    }

    /// <summary>Writes evidence as indented JSON (camelCase, unknowns left out).</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(SyncEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return JsonSerializer.Serialize(evidence, EvidenceJsonOptions.SyncEvidence);
    }

    private static EvidenceFormatException TooLarge(long size, string? source, int maxBytes) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the input is larger than {maxBytes:N0} bytes (at least {size:N0}); evidence documents are limited to that size: ")
            + "send only the records the failed job refers to, or raise the limit (IntacctSyncRulesOptions.MaxEvidenceBytes, which SyncEvidenceReader applies; or the maxBytes argument)", source);
}
