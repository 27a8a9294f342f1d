using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// Checks a cited fact (<c>path = value</c>) against the evidence's JSON, independently of the library's
/// own resolver. Paths are the contract's: property names, and key selectors —
/// <c>intacct.dimensions[REGION].active</c> (the first list record whose <c>id</c>, <c>number</c> or
/// <c>name</c> equals the key without regard to case), <c>webServicesUser.objects[REGION]</c> (a map key,
/// without regard to case), <c>apiErrors[errorNo=X]</c> / <c>apiErrors[object=X]</c> (the first record whose
/// field equals the value, without regard to case), <c>apiErrors[#3]</c> (a position) and <c>messages[0]</c> (a position in a
/// list of plain values; in a list of records an all-digit selector without <c>#</c> is a key like any other).
/// The value <c>not listed</c> says the key is absent from a list or map that is present. Values compare
/// as compact JSON.
/// </summary>
internal static class EvidenceFactChecker
{
    public const string NotListed = "not listed";

    private static readonly string[] KeyFields = ["id", "number", "name"];

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Why the fact is not what the evidence holds, or <c>null</c> when it is.</summary>
    public static string? Problem(JsonNode evidence, string fact)
    {
        var separator = fact.IndexOf(" = ", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return $"'{fact}' is not 'path = value'";
        }

        var path = fact[..separator];
        var cited = fact[(separator + 3)..];
        JsonNode? node = evidence;
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                // The selector ends at the first "]" that no backslash escapes.
                var end = i + 1;
                while (end < path.Length && path[end] != ']')
                {
                    end += path[end] == '\\' ? 2 : 1;
                }

                if (end >= path.Length)
                {
                    return $"'{fact}': unclosed selector";
                }

                var selector = path[(i + 1)..end];
                i = end + 1;
                var next = Select(node, selector, out var problem);
                if (problem is not null)
                {
                    return $"'{fact}': {problem}";
                }

                if (next is null)
                {
                    // The key is absent from a list or map that is present.
                    return cited == NotListed ? null : $"'{fact}': no record [{selector}] in the evidence";
                }

                node = next;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] is not ('.' or '['))
            {
                i++;
            }

            // A JSON null is a value ("observed unset"); only an absent field is missing.
            var name = path[start..i];
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var value))
            {
                return $"'{fact}': the evidence has no '{path[..i]}'";
            }

            node = value;
        }

        if (cited == NotListed)
        {
            return $"'{fact}': cites '{NotListed}', but the evidence holds {node?.ToJsonString(Compact) ?? "null"}";
        }

        JsonNode? citedNode;
        try
        {
            citedNode = JsonNode.Parse(cited);
        }
        catch (JsonException)
        {
            return $"'{fact}': the cited value is not JSON";
        }


        // A date-time is cited as the instant it is, which may be written with another offset notation.
        if (node is JsonValue held && held.TryGetValue<string>(out var heldText) && citedNode is JsonValue said && said.TryGetValue<string>(out var saidText)
            && DateTimeOffset.TryParse(heldText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var heldTime)
            && DateTimeOffset.TryParse(saidText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var saidTime)
            && heldText.Contains('T', StringComparison.Ordinal))
        {
            return heldTime == saidTime ? null : $"'{fact}': the evidence holds {heldText}";
        }

        return Equivalent(node, citedNode) ? null : $"'{fact}': the evidence holds {node?.ToJsonString(Compact) ?? "null"}";
    }

    /// <summary>
    /// Whether the evidence holds a value at <paramref name="path"/> (a JSON <c>null</c> is a value: "observed
    /// empty"); <c>false</c> when a field on the way is absent or the key is not listed.
    /// </summary>
    public static bool Holds(JsonNode evidence, string path) =>
        Problem(evidence, path + " = " + NotListed) is { } problem
        && problem.StartsWith($"'{path} = {NotListed}': cites '{NotListed}', but the evidence holds ", StringComparison.Ordinal);

    /// <summary>
    /// The same value as the report writes it: objects compare without regard to the order of their members (a map
    /// is cited in the model's order), and on a text field JSON <c>null</c> and <c>""</c> both mean "observed empty"
    /// (EVIDENCE.md), which the report writes as <c>""</c>.
    /// </summary>
    private static bool Equivalent(JsonNode? held, JsonNode? cited)
    {
        switch (held, cited)
        {
            case (null, JsonValue empty) when empty.TryGetValue<string>(out var text) && text.Length == 0:
                return true;
            case (JsonObject a, JsonObject b):
                return a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && Equivalent(p.Value, other));
            case (JsonArray a, JsonArray b):
                return a.Count == b.Count && a.Select((item, i) => Equivalent(item, b[i])).All(same => same);
            default:
                return JsonNode.DeepEquals(held, cited);
        }
    }

    private static JsonNode? Select(JsonNode? node, string selector, out string? problem)
    {
        problem = null;
        switch (node)
        {
            case JsonObject map:
                var wanted = string.Concat(Pieces(selector, splitting: false).Single().Value);
                foreach (var (key, value) in map)
                {
                    if (string.Equals(key, wanted, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                return null;

            case JsonArray list when IsPosition(list, selector):
                var index = int.Parse(selector.AsSpan(selector[0] == '#' ? 1 : 0), System.Globalization.CultureInfo.InvariantCulture);
                if (index >= list.Count)
                {
                    problem = $"index {index} is past the end of a list of {list.Count}";
                }

                return index < list.Count ? list[index] : null;

            case JsonArray list:
                var conditions = Pieces(selector, splitting: true);
                foreach (var record in list)
                {
                    if (record is JsonObject fields && conditions.All(c => c.Field is { } field
                        ? FieldEquals(fields, field, c.Value)
                        : KeyFields.Any(k => FieldEquals(fields, k, c.Value))))
                    {
                        return record;
                    }
                }

                return null;

            default:
                problem = $"selector [{selector}] applied to {node?.GetValueKind().ToString() ?? "nothing"}";
                return null;
        }
    }

    /// <summary>
    /// A selector's conditions as the contract writes them: split at commas and at each part's first equals sign
    /// unless a backslash escapes them, the backslashes removed, and spaces that no backslash escapes trimmed at
    /// each end. Without <paramref name="splitting"/> the whole selector is one value (a map key).
    /// </summary>
    private static List<(string? Field, string Value)> Pieces(string selector, bool splitting)
    {
        var result = new List<(string?, string)>();
        var chars = new List<(char C, bool Escaped)>();
        string? field = null;
        for (var i = 0; i <= selector.Length; i++)
        {
            if (i == selector.Length || (splitting && selector[i] == ','))
            {
                result.Add((field, Text(chars)));
                chars.Clear();
                field = null;
            }
            else if (selector[i] == '\\' && i + 1 < selector.Length)
            {
                chars.Add((selector[++i], true));
            }
            else if (splitting && selector[i] == '=' && field is null)
            {
                field = Text(chars);
                chars.Clear();
            }
            else
            {
                chars.Add((selector[i], false));
            }
        }

        return result;

        static string Text(List<(char C, bool Escaped)> chars)
        {
            var kept = chars.Select((c, i) => (c, i)).Where(x => x.c.Escaped || !char.IsWhiteSpace(x.c.C)).Select(x => x.i).ToList();
            return kept.Count == 0 ? string.Empty : new string(chars.Skip(kept[0]).Take(kept[^1] - kept[0] + 1).Select(c => c.C).ToArray());
        }
    }

    // "#3" is a position in any list; "3" is a position only in a list of plain values (messages), whose
    // entries have no key to select by.
    private static bool IsPosition(JsonArray list, string selector)
    {
        var digits = selector.AsSpan(selector.StartsWith('#') ? 1 : 0);
        return digits.Length > 0
            && !digits.ContainsAnyExceptInRange('0', '9')
            && (selector[0] == '#' || (list.Count > 0 && list.All(item => item is not JsonObject)));
    }

    private static bool FieldEquals(JsonObject record, string field, string value) =>
        record.TryGetPropertyValue(field, out var node)
        && node is JsonValue v
        && v.TryGetValue<string>(out var text)
        && string.Equals(text, value, StringComparison.OrdinalIgnoreCase);
}
