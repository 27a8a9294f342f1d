using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Reads a fact out of the evidence by its contract path, so that a cited fact is always the value the
/// evidence holds: <c>intacct.dimensions[REGION].active</c> (a record by its key: <c>id</c>,
/// <c>number</c> or <c>name</c>), <c>webServicesUser.objects[REGION]</c> (a map entry), or
/// <c>apiErrors[object=REGION].errorNo</c> (the first record whose field has that value), or
/// <c>apiErrors[#3]</c> (by position, for records with no key). Keys compare
/// without regard to case. Runs only for diagnoses that are reported.
/// </summary>
/// <remarks>
/// Rules cite through <see cref="FactPath"/>, compiled once; this reads a path given as text, for the
/// few paths a compiled one cannot hold.
/// </remarks>
internal static partial class FactResolver
{
    /// <summary>What a fact says of a key that a complete list does not hold.</summary>
    public const string NotListed = "not listed";

    internal static readonly string[] KeyProperties = ["id", "number", "name"];
    internal static readonly JsonSerializerOptions Compact = new(EvidenceJsonOptions.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Writes what JsonSerializer.Serialize writes with Compact (and the report's compact options): the
    // same encoder, not indented. Serializing into a writer directly, rather than to a string, leaves
    // one string per fact instead of three (the JSON, its builder's copy and the "path = value" text).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    // Past this size a thread's buffer is dropped after use, so that one huge value is not kept forever.
    private const int KeepBufferBelow = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The fact as <c>path = value</c>, or <c>null</c> when the evidence does not hold it.</summary>
    public static string? Cite(SyncEvidence evidence, string path)
    {
        object? current = evidence;
        var info = EvidenceJsonOptions.SyncEvidence as JsonTypeInfo;
        foreach (var (_, _, name, selector) in Segments(path))
        {
            if (current is null)
            {
                return null;
            }

            if (name is not null)
            {
                var property = Property(info, name);
                if (property?.Get is null)
                {
                    return null;
                }

                current = property.Get(current);
                info = Compact.GetTypeInfo(property.PropertyType);
                continue;
            }

            if (current is IDictionary dictionary)
            {
                current = FactIndex.Scan(dictionary, selector!);
                if (current is null)
                {
                    return $"{path} = {NotListed}";
                }

                info = Compact.GetTypeInfo(info.ElementType!);
                continue;
            }

            if (current is not IEnumerable records || info.ElementType is null)
            {
                return null;
            }

            var element = Compact.GetTypeInfo(info.ElementType);
            current = FactIndex.Scan(records, new ElementInfo(element), selector!);
            if (current is null)
            {
                return $"{path} = {NotListed}";
            }

            info = element;
        }

        return current is null ? null : Format(path, current, Compact.GetTypeInfo(info.Type));
    }

    /// <summary>A fact as one string: <c>path = value</c>, the value written as compact JSON.</summary>
    internal static string Format(string path, object value, JsonTypeInfo info)
    {
        // Taken, not borrowed, as TextTemplate's builder is: nothing here can re-enter, but a failure
        // mid-write must not leave a half-written buffer for the next fact.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        var writer = t_writer ?? new Utf8JsonWriter(buffer, WriterOptions);
        t_buffer = null;
        t_writer = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);

        JsonSerializer.Serialize(writer, value, info);
        writer.Flush();
        var json = buffer.WrittenSpan;
        var text = string.Create(
            path.Length + 3 + Encoding.UTF8.GetCharCount(json),
            (path, buffer),
            static (chars, state) =>
            {
                state.path.CopyTo(chars);
                " = ".CopyTo(chars[state.path.Length..]);
                Encoding.UTF8.GetChars(state.buffer.WrittenSpan, chars[(state.path.Length + 3)..]);
            });

        if (buffer.Capacity < KeepBufferBelow)
        {
            writer.Reset();
            t_buffer = buffer;
            t_writer = writer;
        }

        return text;
    }

    /// <summary>The segments of a path: each a property name or a key selector, with where it stands in the text.</summary>
    internal static IEnumerable<(int Index, int Length, string? Name, string? Key)> Segments(string path)
    {
        foreach (Match segment in Segment().Matches(path))
        {
            yield return segment.Groups["name"].Success
                ? (segment.Index, segment.Length, segment.Groups["name"].Value, null)
                : (segment.Index, segment.Length, null, segment.Groups["key"].Value);
        }
    }

    internal static JsonPropertyInfo? Property(JsonTypeInfo info, string name)
    {
        foreach (var property in info.Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:^|\.)(?<name>[A-Za-z][A-Za-z0-9]*)|\[(?<key>[^\]]*)\]")]
    private static partial Regex Segment();
}
