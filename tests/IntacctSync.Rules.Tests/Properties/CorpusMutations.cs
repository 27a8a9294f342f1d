using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

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

    /// <summary>
    /// A document made from <paramref name="seed"/> that knows a little more than the corpus pairs together, and the
    /// field whose removal is then tested: <paramref name="flips"/> changes (<see cref="Change"/>), then one fact field
    /// of the result chosen for pruning (<see cref="ChoosePrune"/>). The pair is what knowledge monotonicity compares:
    /// the contradictions a rule mishandles (a non-zero count beside a dimension that otherwise fails) are rarely in
    /// the corpus itself, so a change makes one and the removal takes the changed or another read value away.
    /// </summary>
    public static (JsonObject Known, List<string> Steps, int Prune, string Removed)? ComposeRemoval(JsonObject seed, string code, Random random, int flips)
    {
        var known = (JsonObject)seed.DeepClone();
        var steps = new List<string>();
        var touched = new List<(JsonObject Parent, string Name)>();
        for (var i = 0; i < flips; i++)
        {
            if (Change(known, code, random) is { } change)
            {
                steps.Add(change.Description);
                touched.Add((change.Parent, change.Name));
            }
        }

        var fields = Fields(known);
        if (ChoosePrune(fields, touched, code, random) is not { } prune)
        {
            return null;
        }

        var (parent, name, shape) = fields[prune];
        return (known, steps, prune, $"removed {shape} ({parent.GetPath()}.{name})");
    }

    /// <summary>A copy of <paramref name="known"/> without field <paramref name="index"/> of <see cref="Fields"/>.</summary>
    public static JsonObject Without(JsonObject known, int index)
    {
        var copy = (JsonObject)known.DeepClone();
        var (parent, name, _) = Fields(copy)[index];
        parent.Remove(name);
        return copy;
    }

    /// <summary>
    /// Gives one scalar another value the corpus holds at that place (or the opposite), or sets a field the document
    /// lacks to a value the corpus holds there (<c>configured: true</c> on a dimension that does not say). Half the time
    /// the field is one a rule reads. What changed, or <c>null</c> when nothing could.
    /// </summary>
    private static (string Description, JsonObject Parent, string Name)? Change(JsonObject json, string code, Random random)
    {
        var candidates = new List<(JsonObject Parent, string Name, string Shape, string? Current)>();
        foreach (var (parent, name, shape) in Fields(json))
        {
            if (parent[name] is JsonValue or null)
            {
                candidates.Add((parent, name, shape, parent[name]?.ToJsonString() ?? "null"));
            }
        }

        foreach (var (obj, shape) in Objects(json))
        {
            foreach (var (name, childShape) in ScalarsByObject.GetValueOrDefault(shape, []))
            {
                if (!obj.ContainsKey(name))
                {
                    candidates.Add((obj, name, childShape, null));
                }
            }
        }

        var read = candidates.Where(c => RuleReads.Read(c.Shape, code)).ToList();
        var pool = read.Count > 0 && random.Next(4) > 0 ? read : candidates;
        if (pool.Count == 0)
        {
            return null;
        }

        var (p, n, s, current) = pool[random.Next(pool.Count)];
        var taken = Keys.Contains(n) ? SiblingKeys(p) : [];
        var others = ValuesByShape.GetValueOrDefault(s, [])
            .Where(v => v != current && (current is not null || v != "null") && !taken.Contains(v))
            .ToList();
        var next = others.Count > 0 ? others[random.Next(others.Count)] : current is null ? null : Opposite(p[n]);
        if (next is null)
        {
            return null;
        }

        p[n] = JsonNode.Parse(next);
        return ($"{s}: {current ?? "absent"} -> {next}", p, n);
    }

    /// <summary>
    /// The field of <paramref name="fields"/> to remove: a fact (not a sighting in <c>messages</c> or <c>apiErrors</c>,
    /// not a key of a line's tags; see <see cref="Prune"/>), half the time one that a change touched, otherwise half
    /// the time one that a rule reads, else any; <c>null</c> when there is none.
    /// </summary>
    private static int? ChoosePrune(List<(JsonObject Parent, string Name, string Shape)> fields, List<(JsonObject Parent, string Name)> touched, string code, Random random)
    {
        var facts = Enumerable.Range(0, fields.Count).Where(i => IsFact(fields[i].Shape)).ToList();
        var changed = facts.Where(i => touched.Any(t => ReferenceEquals(t.Parent, fields[i].Parent) && t.Name == fields[i].Name)).ToList();
        var read = facts.Where(i => RuleReads.Read(fields[i].Shape, code)).ToList();
        var pool = changed.Count > 0 && random.Next(3) > 0 ? changed : read.Count > 0 && random.Next(3) > 0 ? read : facts;
        return pool.Count == 0 ? null : pool[random.Next(pool.Count)];
    }

    // The fields that name a record of a list. A change never gives a record a name another record of its list has (as
    // id or label, any case): two records with one name are contradictory evidence, not evidence that knows more
    // (EvidenceGenerators keeps keys unique for the same reason).
    private static readonly HashSet<string> Keys = new(["id", "label", "name", "number"], StringComparer.Ordinal);

    // The names (as JSON text, in every case the corpus might spell them) the other records of record's list use.
    private static HashSet<string> SiblingKeys(JsonObject record)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (record.Parent is JsonArray list)
        {
            foreach (var sibling in list.OfType<JsonObject>().Where(o => !ReferenceEquals(o, record)))
            {
                foreach (var key in Keys)
                {
                    if (sibling[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        names.Add(JsonValue.Create(text).ToJsonString());
                    }
                }
            }
        }

        return names;
    }

    private static bool IsFact(string shape) =>
        !shape.StartsWith("messages", StringComparison.Ordinal)
        && !shape.StartsWith("apiErrors", StringComparison.Ordinal)
        && !shape.EndsWith("expenses[].tags{}", StringComparison.Ordinal);

    // The scalar fields the corpus holds on each kind of object (by the object's place in the model), so that a
    // document can be given one it lacks. Map entries are data, not fields, and are left out.
    private static readonly Dictionary<string, List<(string Name, string Shape)>> ScalarsByObject = ValuesByShape.Keys
        .Select(shape => (Shape: shape, Dot: shape.LastIndexOf('.')))
        .Select(s => (Parent: s.Dot < 0 ? string.Empty : s.Shape[..s.Dot], Name: s.Dot < 0 ? s.Shape : s.Shape[(s.Dot + 1)..], s.Shape))
        .Where(s => s.Name.IndexOfAny(['[', '{']) < 0 && s.Shape != "schemaVersion")
        .GroupBy(s => s.Parent, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(s => (s.Name, s.Shape)).ToList(), StringComparer.Ordinal);

    // Every object of the document that is not a map, with its place in the model ("" for the document).
    private static IEnumerable<(JsonObject Object, string Shape)> Objects(JsonObject root)
    {
        yield return (root, string.Empty);
        foreach (var (parent, name, shape) in Fields(root))
        {
            if (IsMap(shape))
            {
                continue;
            }

            switch (parent[name])
            {
                case JsonObject obj:
                    yield return (obj, shape);
                    break;
                case JsonArray list:
                    foreach (var item in list.OfType<JsonObject>())
                    {
                        yield return (item, shape + "[]");
                    }

                    break;
            }
        }
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

/// <summary>
/// The places in the evidence model that the built-in rules read, from the compiled rules themselves: the facts each
/// format 2 atom reads (contract paths, and the declared paths of the derived facts it reads), its
/// <c>establishedOnlyIf</c>, <c>ask</c> and <c>cite</c> facts, and a format 1 cause's facts and missing evidence.
/// Record selectors fold to <c>[]</c> (<c>intacct.dimensions[{dimensionKey}].configured</c> is
/// <c>intacct.dimensions[].configured</c>), as map keys do.
/// </summary>
internal static partial class RuleReads
{
    // The places each code's rule reads, by code; "" holds every rule's.
    private static readonly Dictionary<string, HashSet<string>> ByCode = Collect();

    /// <summary>
    /// Whether the rule of <paramref name="code"/> (every rule's, for a code that has none) reads the field at
    /// <paramref name="shape"/> (a shape of <see cref="CorpusMutations.Fields"/>) or an object or list it is in.
    /// </summary>
    public static bool Read(string shape, string code)
    {
        var paths = ByCode.TryGetValue(code, out var own) ? own : ByCode[string.Empty];
        var folded = shape.Replace("{}", "[]", StringComparison.Ordinal);
        for (var i = 1; i <= folded.Length; i++)
        {
            if ((i == folded.Length || folded[i] is '.' or '[') && paths.Contains(folded[..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, HashSet<string>> Collect()
    {
        var byCode = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [string.Empty] = new(StringComparer.Ordinal) };
        foreach (var rule in RuleSet.Load(includeBuiltIn: true, []).Rules)
        {
            var paths = byCode.TryGetValue(rule.Code, out var p) ? p : byCode[rule.Code] = new(StringComparer.Ordinal);
            foreach (var cause in rule.Causes)
            {
                var facts = cause.EstablishedWhen.Concat(cause.ExcludedWhen).SelectMany(c => c.Facts).Concat(cause.MissingEvidence.Select(m => m.Path));
                if (cause.Verdict is { } verdict)
                {
                    facts = facts
                        .Concat(verdict.Tree.Atoms().SelectMany(a => a.Reads))
                        .Concat(verdict.EstablishedOnlyIfTree?.Atoms().SelectMany(a => a.Reads) ?? [])
                        .Concat(verdict.Ask.Select(a => a.Path))
                        .Concat(verdict.Cite);
                }

                paths.UnionWith(facts.Select(f => Selector().Replace(f.Template.Source, "[]")));
            }

            byCode[string.Empty].UnionWith(paths);
        }

        return byCode;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Selector();
}
