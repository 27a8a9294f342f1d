using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Evidence;

/// <summary>
/// The JSON Schema (draft 2020-12) of the evidence format read by <see cref="SyncEvidenceJson"/>,
/// generated from the <see cref="SyncEvidence"/> model and the reader's rules.
/// </summary>
/// <remarks>
/// The package ships the same text as <c>schemas/sync-evidence.v1.schema.json</c> (also an embedded
/// resource of that name); a test keeps the committed file equal to <see cref="Generate"/>.
/// All members are thread-safe.
/// </remarks>
public static class EvidenceSchema
{
    /// <summary>The schema's <c>$id</c>: an identifier, not an address to fetch.</summary>
    public const string Id = EvidenceSchemaBuilder.Id;

    /// <summary>Generates the schema.</summary>
    /// <returns>The schema as indented JSON with <c>\n</c> line ends and a final newline.</returns>
    public static string Generate()
    {
        var schema = EvidenceSchemaBuilder.Build();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            schema.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }
}
