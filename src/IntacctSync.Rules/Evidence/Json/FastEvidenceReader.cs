using System.Text.Json;
using static IntacctSync.Rules.JsonReaderSteps;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>
/// Reads a well-formed evidence document straight off a <see cref="Utf8JsonReader"/>, or gives up. The per-type
/// methods are generated from the evidence model (<c>FastEvidenceReader.g.cs</c>); the rules for each value
/// are the serializer path's own converters (<see cref="StrictScalars"/>, <see cref="EnumNames{T}"/>).
/// </summary>
/// <remarks>
/// <para>
/// It never decides that a document is wrong. Anything it does not accept outright (an unknown or repeated field,
/// a null where the contract gives null no meaning, a wrong token, a bad number, date or name, a schemaVersion
/// other than <see cref="SyncEvidence.CurrentSchemaVersion"/>, malformed JSON) makes <see cref="TryRead"/> return
/// <c>null</c>, and <see cref="SyncEvidenceJson"/> reads the document again through System.Text.Json, which
/// accepts it or explains what is wrong, where. A test holds the two equal on every case document and on
/// mutated ones.
/// </para>
/// <para>
/// Why: the serializer's metadata for the evidence model is about half of the methods a single <c>diagnose</c>
/// has to JIT-compile before it can answer, and reading was a quarter of a batch's CPU time.
/// </para>
/// </remarks>
internal static partial class FastEvidenceReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = EvidenceJsonOptions.MaxDepth };

    /// <summary>The evidence in <paramref name="utf8"/>, or <c>null</c> when it is not plainly well-formed.</summary>
    public static SyncEvidence? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (Next(ref reader) != JsonTokenType.StartObject)
            {
                return null;
            }

            var evidence = ReadSyncEvidence(ref reader);

            // Trailing whitespace is fine; anything else makes the reader throw.
            return !reader.Read() && evidence.SchemaVersion == SyncEvidence.CurrentSchemaVersion ? evidence : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong, the serializer path decides, and says why.
            return null;
        }
    }

    /// <summary>A text field: <c>null</c> is the observed empty text.</summary>
    private static string Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Null => string.Empty,
        _ => throw new GiveUp(),
    };

    /// <summary>A text in a list or a map: <c>null</c> has no meaning there.</summary>
    private static string Element(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new GiveUp();
}
