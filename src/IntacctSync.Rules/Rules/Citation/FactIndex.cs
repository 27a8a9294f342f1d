using System.Collections;
using System.Globalization;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// One document's lookups for cited facts: a map's entries and a list's records by key, each indexed
/// the first time a fact cites into it, so that citing facts for many diagnoses costs one pass over
/// each list rather than one pass per fact. Keys compare without regard to case; when several
/// entries share a key, the first in document order wins, as a scan would find it.
/// </summary>
/// <remarks>Belongs to one classification (one thread); not safe for concurrent use.</remarks>
internal sealed class FactIndex
{
    // Below this size a scan allocates nothing and beats building an index.
    private const int ScanBelow = 16;

    private Dictionary<IDictionary, Dictionary<string, object?>>? _maps;
    private Dictionary<(IList List, EvidenceField Property), Dictionary<string, int>>? _lists;

    /// <summary>The value of the map entry whose key is <paramref name="key"/>, or <c>null</c>.</summary>
    public object? Lookup(IDictionary dictionary, string key)
    {
        key = FactKey.HasEscape(key) ? FactKey.Unescape(key) : key;
        if (dictionary.Count < ScanBelow)
        {
            return ScanKey(dictionary, key);
        }

        _maps ??= new Dictionary<IDictionary, Dictionary<string, object?>>(ReferenceEqualityComparer.Instance);
        if (!_maps.TryGetValue(dictionary, out var map))
        {
            map = new Dictionary<string, object?>(dictionary.Count, StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in dictionary)
            {
                map.TryAdd((string)entry.Key, entry.Value);
            }

            _maps.Add(dictionary, map);
        }

        return map.GetValueOrDefault(key);
    }

    /// <summary>The first record that <paramref name="selector"/> selects, or <c>null</c>.</summary>
    public object? Select(IEnumerable records, ElementInfo element, string selector)
    {
        if (Position(selector) is not null || records is not IList list || list.Count < ScanBelow)
        {
            return Scan(records, element, selector);
        }

        var conditions = Conditions(element, selector);
        if (conditions is null)
        {
            return null;
        }

        var (property, value) = conditions[0];
        _lists ??= [];
        if (!_lists.TryGetValue((list, property), out var index))
        {
            index = new Dictionary<string, int>(list.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } record && property.Get(record) is string key)
                {
                    index.TryAdd(key, i);
                }
            }

            _lists.Add((list, property), index);
        }

        if (!index.TryGetValue(value, out var first))
        {
            return null;
        }

        // Further conditions narrow the records the first one selects: look on from its first match.
        for (var i = first; i < list.Count; i++)
        {
            if (list[i] is { } record && MatchesAll(record, conditions))
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>The map entry by key, by scanning.</summary>
    internal static object? Scan(IDictionary dictionary, string key) =>
        ScanKey(dictionary, FactKey.HasEscape(key) ? FactKey.Unescape(key) : key);

    private static object? ScanKey(IDictionary dictionary, string key)
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

    /// <summary>The record by selector, by scanning.</summary>
    internal static object? Scan(IEnumerable records, ElementInfo element, string selector)
    {
        // Records without a key (API errors whose response named nothing) are selected by position: #3.
        if (Position(selector) is { } position)
        {
            if (records is IList list)
            {
                return position < list.Count ? list[position] : null;
            }

            foreach (var record in records)
            {
                if (position-- == 0)
                {
                    return record;
                }
            }

            return null;
        }

        // Most selectors are one bare key or one field=value: read without splitting into an array.
        if (!selector.Contains(',', StringComparison.Ordinal) && !FactKey.HasEscape(selector))
        {
            var (property, value) = Condition(element, selector);
            return property is null ? null : First(records, new SingleCondition(property, value));
        }

        var conditions = Conditions(element, selector);
        return conditions is null ? null : First(records, new AllConditions(conditions));
    }

    /// <summary>The first record that meets the condition; indexed when the records are a list (no enumerator).</summary>
    private static object? First<TCondition>(IEnumerable records, TCondition condition)
        where TCondition : struct, IRecordCondition
    {
        if (records is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } record && condition.Matches(record))
                {
                    return record;
                }
            }

            return null;
        }

        foreach (var record in records)
        {
            if (record is not null && condition.Matches(record))
            {
                return record;
            }
        }

        return null;
    }

    private static int? Position(string selector) =>
        selector.StartsWith('#') && int.TryParse(selector.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>
    /// The selector's conditions: <c>field=value</c> pairs split at commas, or a bare value for the
    /// record's key; <c>null</c> when one names a field the record does not have, so nothing matches.
    /// </summary>
    private static (EvidenceField Property, string Value)[]? Conditions(ElementInfo element, string selector)
    {
        if (FactKey.HasEscape(selector))
        {
            var escaped = FactKey.Parts(selector);
            var read = new (EvidenceField, string)[escaped.Count];
            for (var i = 0; i < escaped.Count; i++)
            {
                var (name, value) = escaped[i];
                if ((name is null ? element.DefaultKey : element.Field(name)) is not { } field)
                {
                    return null;
                }

                read[i] = (field, value);
            }

            return read;
        }

        var parts = selector.Split(',');
        var conditions = new (EvidenceField, string)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var (property, value) = Condition(element, parts[i]);
            if (property is null)
            {
                return null;
            }

            conditions[i] = (property, value);
        }

        return conditions;
    }

    /// <summary>One <c>field=value</c> or bare value; no property when it names a field the record does not have.</summary>
    private static (EvidenceField? Property, string Value) Condition(ElementInfo element, string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            // The common case, a bare key: no copy unless it has spaces to trim.
            return (element.DefaultKey, part.Trim());
        }

        var property = element.Field(part.AsSpan(0, equals).Trim().ToString());
        return (property, part[(equals + 1)..].Trim());
    }

    private static bool MatchesAll(object record, (EvidenceField Property, string Value)[] conditions)
    {
        foreach (var (property, value) in conditions)
        {
            if (!Meets(record, property, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Meets(object record, EvidenceField property, string value) =>
        property.Get(record) is string text && string.Equals(text, value, StringComparison.OrdinalIgnoreCase);

    // Conditions as structs, so that First is specialised for each and allocates nothing.
    private interface IRecordCondition
    {
        bool Matches(object record);
    }

    private readonly record struct SingleCondition(EvidenceField Property, string Value) : IRecordCondition
    {
        public bool Matches(object record) => Meets(record, Property, Value);
    }

    private readonly record struct AllConditions((EvidenceField Property, string Value)[] Conditions) : IRecordCondition
    {
        public bool Matches(object record) => MatchesAll(record, Conditions);
    }
}
