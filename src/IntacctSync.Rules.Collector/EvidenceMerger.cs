using System.Text.Json.Nodes;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

/// <summary>
/// Merges collected evidence into the host's own (its workspace, report, messages): the host's fields win
/// where both speak, and every disagreement is reported, never resolved by a guess.
/// </summary>
/// <remarks>
/// <para>
/// Field by field: a fact only one side states is taken from it; a fact both state equally is kept; a fact
/// both state differently keeps the host's value and becomes an <see cref="EvidenceConflict"/>. Lists of
/// records (dimensions, employees, accounts, ...) are joined by their <c>id</c> (accounts: <c>number</c>,
/// categories and tax rates: <c>name</c>), without regard to case, and merged record by record; a record only one
/// side lists is kept and reported, since both lists claim to be complete. Other lists (an object's rights) are
/// one fact. <c>apiErrors</c> and <c>messages</c> are concatenated, the host's first; <c>observedAt</c> and
/// <c>schemaVersion</c> are the host's.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class EvidenceMerger
{
    private static readonly string[] KeyNames = ["id", "number", "name"];

    /// <summary>Merges <paramref name="collected"/> into <paramref name="host"/>.</summary>
    /// <param name="host">The host's evidence; its facts win.</param>
    /// <param name="collected">The evidence a collector read.</param>
    /// <returns>The merged evidence and the conflicts.</returns>
    public static MergedEvidence Merge(SyncEvidence host, SyncEvidence collected)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(collected);
        var hostNode = JsonNode.Parse(SyncEvidenceJson.Write(host))!.AsObject();
        var collectedNode = JsonNode.Parse(SyncEvidenceJson.Write(collected))!.AsObject();
        var conflicts = new List<EvidenceConflict>();

        var merged = new JsonObject();
        foreach (var (name, value) in hostNode)
        {
            merged[name] = value?.DeepClone();
        }

        foreach (var (name, value) in collectedNode)
        {
            if (name is "schemaVersion" or "observedAt" && merged.ContainsKey(name))
            {
                continue;
            }

            if (name is "apiErrors" or "messages" && merged[name] is JsonArray first && value is JsonArray second)
            {
                foreach (var item in second)
                {
                    first.Add(item?.DeepClone());
                }

                continue;
            }

            merged[name] = MergeNode(merged.ContainsKey(name), merged[name], value, name, conflicts);
        }

        return new MergedEvidence(SyncEvidenceJson.Read(merged.ToJsonString(), "merged evidence"), conflicts);
    }

    private static JsonNode? MergeNode(bool hostHas, JsonNode? host, JsonNode? collected, string path, List<EvidenceConflict> conflicts)
    {
        if (!hostHas)
        {
            return collected?.DeepClone();
        }

        switch (host, collected)
        {
            case (JsonObject h, JsonObject c):
                return MergeObject(h, c, path, conflicts);
            case (JsonArray h, JsonArray c) when KeyOf(h, c) is { } key:
                return MergeList(h, c, key, path, conflicts);
            default:
                if (!JsonNode.DeepEquals(host, collected))
                {
                    conflicts.Add(new EvidenceConflict(path, Json(host), Json(collected)));
                }

                return host?.DeepClone();
        }
    }

    private static JsonObject MergeObject(JsonObject host, JsonObject collected, string path, List<EvidenceConflict> conflicts, string? joinedBy = null)
    {
        var merged = (JsonObject)host.DeepClone();
        foreach (var (name, value) in collected)
        {
            if (name == joinedBy)
            {
                // The records were joined on this key without regard to case; the host's spelling stands.
                continue;
            }

            merged[name] = MergeNode(merged.ContainsKey(name), merged[name], value, path + "." + name, conflicts);
        }

        return merged;
    }

    private static JsonArray MergeList(JsonArray host, JsonArray collected, string key, string path, List<EvidenceConflict> conflicts)
    {
        var merged = new JsonArray();
        var byKey = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in collected.Cast<JsonObject>())
        {
            byKey.TryAdd(KeyValue(record, key), record);
        }

        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in host.Cast<JsonObject>())
        {
            var value = KeyValue(record, key);
            var at = $"{path}[{value}]";
            if (byKey.TryGetValue(value, out var other) && matched.Add(value))
            {
                merged.Add((JsonNode)MergeObject(record, other, at, conflicts, key));
            }
            else
            {
                merged.Add(record.DeepClone());
                conflicts.Add(new EvidenceConflict(at, Json(record), null));
            }
        }

        foreach (var record in collected.Cast<JsonObject>())
        {
            var value = KeyValue(record, key);
            if (!matched.Contains(value))
            {
                merged.Add(record.DeepClone());
                conflicts.Add(new EvidenceConflict($"{path}[{value}]", null, Json(record)));
            }
        }

        return merged;
    }

    /// <summary>The field that identifies the records of both lists, or <c>null</c> when they are not lists of records.</summary>
    private static string? KeyOf(JsonArray host, JsonArray collected)
    {
        var all = host.Concat(collected).ToList();
        if (all.Count == 0 || !all.TrueForAll(n => n is JsonObject))
        {
            return null;
        }

        return Array.Find(KeyNames, key => all.TrueForAll(n => n is JsonObject o && o[key] is JsonValue v && v.TryGetValue<string>(out _)));
    }

    private static string KeyValue(JsonObject record, string key) => record[key]!.GetValue<string>();

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
