using System.Text.Json;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>A field of an evidence record: its JSON name, its declared type, and how to read it from a record.</summary>
internal sealed class EvidenceField(string name, Type type, Func<object, object?> get)
{
    public string Name { get; } = name;

    public Type Type { get; } = type;

    public Func<object, object?> Get { get; } = get;
}

/// <summary>
/// The evidence model as cited facts see it, without System.Text.Json's metadata: each record type's fields (JSON
/// name, declared type, getter, in declaration order), the element type of lists and maps, and a value written
/// as compact JSON exactly as the serializer writes it with the evidence options (fields left out when null, enums
/// by name, the relaxed encoder). The tables and writers per type are generated with the reader
/// (<c>EvidenceModel.g.cs</c>); a test holds both equal to the serializer's metadata and output.
/// </summary>
/// <remarks>
/// Why: citing a fact resolved the serializer's metadata for the whole model, which a single <c>diagnose</c> then
/// had to JIT-compile (most of the start-up cost the fast reader had saved) and which made writing each fact's
/// value a metadata-driven serialization.
/// </remarks>
internal static partial class EvidenceModel
{
    /// <summary>The record type's fields in declaration order; empty for any other type.</summary>
    public static IReadOnlyList<EvidenceField> Fields(Type type) => FieldsOf(type) ?? [];

    /// <summary>The record type's field by JSON name, or <c>null</c>.</summary>
    public static EvidenceField? Field(Type type, string name)
    {
        var fields = FieldsOf(type);
        for (var i = 0; i < (fields?.Length ?? 0); i++)
        {
            if (fields![i].Name == name)
            {
                return fields[i];
            }
        }

        return null;
    }

    /// <summary>What a list holds, or a map's values; <c>null</c> for any other type.</summary>
    public static Type? ElementType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
            : definition == typeof(IReadOnlyDictionary<,>) ? type.GetGenericArguments()[1]
            : null;
    }

    /// <summary>Writes <paramref name="value"/>, of the model's declared type <paramref name="declared"/>, as compact JSON.</summary>
    public static void Write(Utf8JsonWriter writer, object value, Type declared)
    {
        if (!TryWrite(writer, value, declared))
        {
            throw new InvalidOperationException($"{declared} is not a type of the evidence model; regenerate EvidenceModel.g.cs (build/generate-evidence-reader.sh).");
        }
    }
}
