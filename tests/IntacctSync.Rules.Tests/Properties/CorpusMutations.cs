using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// Evidence for every code, made by mutating the case corpus (every case document of every code and of the
/// fallback): <b>prune</b> removes one field anywhere in the document (a value, an object, a list: the fact becomes
/// unknown), <b>flip</b> gives one field another value — one the corpus holds at the same place in the evidence
/// model (<c>intacct.dimensions[].active</c>), or for a field the corpus holds one value of, the opposite boolean,
/// another number, or the empty text. Mutants the evidence reader refuses are counted, not classified.
/// Deterministic: a mutant is a function of its seed document and an integer.
/// </summary>
internal static class CorpusMutations
{
    /// <summary>The corpus, by case path, as JSON.</summary>
    public static IReadOnlyList<(string Name, JsonObject Json)> Seeds { get; } = LoadSeeds();

    // The values the corpus holds at each place of the model, as JSON text, in first-seen order.
    private static readonly Dictionary<string, List<string>> ValuesByShape = CollectValues();

    private static List<(string, JsonObject)> LoadSeeds() =>
        [.. RuleCorpusTests.CaseFiles().Select(f => (f, (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, f)))!))];

    private static Dictionary<string, List<string>> CollectValues()
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, json) in Seeds)
        {
            foreach (var (parent, name, shape) in Fields(json))
            {
                if (parent[name] is JsonValue or null)
                {
                    var list = values.TryGetValue(shape, out var l) ? l : values[shape] = [];
                    var text = parent[name]?.ToJsonString() ?? "null";
                    if (!list.Contains(text))
                    {
                        list.Add(text);
                    }
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Every field of the document with its place in the model (list positions and map keys folded:
    /// <c>intacct.dimensions[].active</c>, <c>webServicesUser.objects{}</c>), except <c>schemaVersion</c>.
    /// </summary>
    public static List<(JsonObject Parent, string Name, string Shape)> Fields(JsonNode root)
    {
        var fields = new List<(JsonObject, string, string)>();
        Walk(root, string.Empty, isMap: false, fields);
        fields.RemoveAll(f => f.Item3 == "schemaVersion");
        return fields;
    }

    private static void Walk(JsonNode? node, string shape, bool isMap, List<(JsonObject, string, string)> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    // A map is keyed by data: its keys fold to {}.
                    var child = isMap ? shape + "{}" : (shape.Length == 0 ? name : shape + "." + name);
                    fields.Add((obj, name, child));
                    Walk(value, child, IsMap(child), fields);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Walk(item, shape + "[]", isMap: false, fields);
                }

                break;
        }
    }

    // The model's two maps (EVIDENCE.md): the Web Services user's rights by object, a line's tags by dimension.
    private static bool IsMap(string shape) =>
        shape == "webServicesUser.objects" || shape.EndsWith("expenses[].tags", StringComparison.Ordinal);

    /// <summary>A copy of <paramref name="seed"/> with <paramref name="flips"/> values changed and <paramref name="prunes"/> fields removed.</summary>
    public static (JsonObject Json, string Description) Mutate(JsonObject seed, Random random, int flips, int prunes)
    {
        var json = (JsonObject)seed.DeepClone();
        var done = new List<string>();
        for (var i = 0; i < flips; i++)
        {
            if (Flip(json, random) is { } flipped)
            {
                done.Add(flipped);
            }
        }

        for (var i = 0; i < prunes; i++)
        {
            if (Prune(json, random) is { } pruned)
            {
                done.Add(pruned);
            }
        }

        return (json, string.Join("; ", done));
    }

    /// <summary>Removes one field, chosen at random; what was removed, or <c>null</c> when the document has no field left.</summary>
    /// <param name="json">The document.</param>
    /// <param name="random">The choice.</param>
    /// <param name="factsOnly">
    /// Only a fact about the company, the workspace or the report: not a field of <c>messages</c> or <c>apiErrors</c>,
    /// which record what was seen (a sighting made vaguer is not a fact made unknown).
    /// </param>
    public static string? Prune(JsonObject json, Random random, bool factsOnly = false)
    {
        var fields = Fields(json);
        if (factsOnly)
        {
            // Only removals that make a fact unknown. A key of a line's tags is not one: a present tags object lists
            // every dimension the line carries, so a key taken out says the line is untagged there (EVIDENCE.md,
            // "Tags", the one exception to absent means unknown); the whole tags object may still go.
            fields.RemoveAll(f => f.Shape.StartsWith("messages", StringComparison.Ordinal)
                || f.Shape.StartsWith("apiErrors", StringComparison.Ordinal)
                || f.Shape.EndsWith("expenses[].tags{}", StringComparison.Ordinal));
        }

        if (fields.Count == 0)
        {
            return null;
        }

        var (parent, name, shape) = fields[random.Next(fields.Count)];
        parent.Remove(name);
        return "removed " + shape;
    }

    /// <summary>Gives one scalar field another value, chosen at random; what changed, or <c>null</c> when nothing could.</summary>
    public static string? Flip(JsonObject json, Random random)
    {
        var scalars = Fields(json).Where(f => f.Parent[f.Name] is JsonValue or null).ToList();
        if (scalars.Count == 0)
        {
            return null;
        }

        var (parent, name, shape) = scalars[random.Next(scalars.Count)];
        var current = parent[name]?.ToJsonString() ?? "null";
        var others = ValuesByShape.GetValueOrDefault(shape, []).Where(v => v != current).ToList();
        string? next = others.Count > 0 ? others[random.Next(others.Count)] : Opposite(parent[name]);
        if (next is null)
        {
            return null;
        }

        parent[name] = JsonNode.Parse(next);
        return $"{shape}: {current} -> {next}";
    }

    private static string? Opposite(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "false" : "true",
        JsonValue v when v.TryGetValue<decimal>(out var n) => (n == 0 ? 1 : 0).ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => "\"\"",
        _ => null,
    };

    /// <summary>The evidence the JSON holds, or <c>null</c> when the reader refuses it (a mutant outside the contract).</summary>
    public static SyncEvidence? Read(JsonObject json)
    {
        try
        {
            return SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json.ToJsonString()), "mutant.json");
        }
        catch (EvidenceFormatException)
        {
            return null;
        }
    }
}
