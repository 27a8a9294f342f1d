using System.Collections;
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
internal static partial class FactResolver
{
    /// <summary>What a fact says of a key that a complete list does not hold.</summary>
    public const string NotListed = "not listed";

    private static readonly string[] KeyProperties = ["id", "number", "name"];
    private static readonly JsonSerializerOptions Compact = new(EvidenceJsonOptions.Options) { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The fact as <c>path = value</c>, or <c>null</c> when the evidence does not hold it.</summary>
    public static string? Cite(SyncEvidence evidence, string path)
    {
        object? current = evidence;
        var info = EvidenceJsonOptions.SyncEvidence as JsonTypeInfo;
        foreach (Match segment in Segment().Matches(path))
        {
            if (current is null)
            {
                return null;
            }

            if (segment.Groups["name"].Success)
            {
                var property = info.Properties.FirstOrDefault(p => p.Name == segment.Groups["name"].Value);
                if (property?.Get is null)
                {
                    return null;
                }

                current = property.Get(current);
                info = Compact.GetTypeInfo(property.PropertyType);
                continue;
            }

            var selector = segment.Groups["key"].Value;
            if (current is IDictionary dictionary)
            {
                current = Lookup(dictionary, selector);
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
            current = Select(records, element, selector);
            if (current is null)
            {
                return $"{path} = {NotListed}";
            }

            info = element;
        }

        return current is null ? null : $"{path} = {JsonSerializer.Serialize(current, info.Type, Compact)}";
    }

    private static object? Lookup(IDictionary dictionary, string key)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            if (string.Equals((string)entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static object? Select(IEnumerable records, JsonTypeInfo element, string selector)
    {
        // Records without a key (API errors whose response named nothing) are selected by position: #3.
        if (selector.StartsWith('#') && int.TryParse(selector.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return records.Cast<object?>().ElementAtOrDefault(index);
        }

        var conditions = selector.Split(',')
            .Select(part => part.Split('=', 2))
            .Select(kv => kv.Length == 2 ? (Field: kv[0].Trim(), Value: kv[1].Trim()) : (Field: (string?)null, Value: kv[0].Trim()))
            .ToArray();

        foreach (var record in records)
        {
            if (record is not null && conditions.All(c => Matches(record, element, c.Field, c.Value)))
            {
                return record;
            }
        }

        return null;
    }

    private static bool Matches(object record, JsonTypeInfo element, string? field, string value)
    {
        var candidates = field is null
            ? element.Properties.Where(p => KeyProperties.Contains(p.Name)).OrderBy(p => Array.IndexOf(KeyProperties, p.Name)).Take(1)
            : element.Properties.Where(p => p.Name == field);
        return candidates.Any(p => p.Get?.Invoke(record) is string s && string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"(?:^|\.)(?<name>[A-Za-z][A-Za-z0-9]*)|\[(?<key>[^\]]*)\]")]
    private static partial Regex Segment();
}
