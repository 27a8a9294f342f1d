using System.Collections;
using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// A fact path template (<c>intacct.dimensions[{dimensionKey}].active</c>) compiled once: the segments
/// are split and each property resolved when the path is first cited, so that citing a fact reads
/// the value through the document's indexes (<see cref="FactIndex"/>) instead of parsing the path and
/// scanning its lists. It reads exactly what <see cref="FactResolver.Cite(Evidence.SyncEvidence, string, FactWriter?)"/>
/// reads for the same path, which remains the way for paths whose keys a compiled path cannot hold.
/// </summary>
internal sealed class FactPath
{
    // Most paths are never cited in a process, so each is resolved against the model's fields
    // (EvidenceModel) on its first citation rather than at load. Resolution is deterministic and reports
    // nothing, so when two threads race each resolves the same steps and either result may be kept.
    private Resolved? _resolved;

    private FactPath(TextTemplate template)
    {
        Template = template;
        IsApiErrorText = template.Source.StartsWith("apiErrors[", StringComparison.Ordinal)
            && (template.Source.EndsWith("].description", StringComparison.Ordinal)
                || template.Source.EndsWith("].description2", StringComparison.Ordinal)
                || template.Source.EndsWith("].correction", StringComparison.Ordinal));
    }

    public TextTemplate Template { get; }

    /// <summary>Whether the path reads one of an API error's texts (<c>apiErrors[...].description</c>, <c>description2</c>, <c>correction</c>).</summary>
    public bool IsApiErrorText { get; }

    /// <summary>The path's text for a subject, given its placeholder values as keys hold them (<see cref="FactKey.Escaping"/>).</summary>
    public string Render(Func<string, string> keys) => Template.Render(keys);

    /// <summary>Wraps a template; its steps are resolved when it is first cited.</summary>
    public static FactPath Compile(TextTemplate template) => new(template);

    private Resolved Resolve()
    {
        if (Volatile.Read(ref _resolved) is { } resolved)
        {
            return resolved;
        }

        resolved = Resolved.Of(Template.Source);
        return Interlocked.CompareExchange(ref _resolved, resolved, null) ?? resolved;
    }

    /// <summary>The fact as <c>path = value</c>, or <c>null</c> when the evidence does not hold it.</summary>
    public string? Cite(Subjects.EvidenceFacts facts, Func<string, string> slot) => CiteKeys(facts, FactKey.Escaping(slot));

    /// <summary><see cref="Cite"/>, given the placeholder values already escaped (<see cref="FactKey.Escaping"/>).</summary>
    /// <param name="facts">The document.</param>
    /// <param name="keys">The placeholder values, escaped.</param>
    /// <param name="listedOnly">Whether a key its list does not hold gives <c>null</c> rather than <c>path = not listed</c>.</param>
    public string? CiteKeys(Subjects.EvidenceFacts facts, Func<string, string> keys, bool listedOnly = false)
    {
        var (steps, value) = Resolve();
        if (steps is null)
        {
            return FactResolver.Cite(facts.Evidence, Template.Render(keys), facts.Writer);
        }

        var text = facts.Writer.Path.Clear();
        var found = Walk(steps, facts, keys, text, out var current);
        return found switch
        {
            Found.ByText => FactResolver.Cite(facts.Evidence, Template.Render(keys), facts.Writer),
            Found.NotListed => listedOnly ? null : $"{text} = {FactResolver.NotListed}",
            Found.Value => facts.Writer.Format(text, current!, value!),
            _ => null,
        };
    }

    /// <summary>
    /// Whether the evidence says anything at the path (a value, or that a list it holds has no record with the
    /// key): what <see cref="Cite"/> would cite something for, without writing it.
    /// </summary>
    /// <param name="facts">The document.</param>
    /// <param name="keys">The placeholder values as keys hold them (<see cref="FactKey.Escaping"/>).</param>
    public bool Holds(Subjects.EvidenceFacts facts, Func<string, string> keys)
    {
        var (steps, _) = Resolve();
        var found = steps is null ? Found.ByText : Walk(steps, facts, keys, null, out _);
        return found == Found.ByText ? FactResolver.Holds(facts.Evidence, Template.Render(keys)) : found is Found.Value or Found.NotListed;
    }

    private static Found Walk(Step[] steps, Subjects.EvidenceFacts facts, Func<string, string> keys, StringBuilder? text, out object? current)
    {
        current = null;
        var inline = default(Keys);
        Span<string?> rendered = steps.Length <= Keys.Length ? inline : new string?[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step.Key is null)
            {
                text?.Append(step.Literal);
                continue;
            }

            // Written escaped (FactKey), as the report cites it; the lookup reads the escapes back.
            var key = step.Key.Render(keys);
            rendered[i] = key;
            text?.Append('[').Append(key).Append(']');
        }

        current = facts.Evidence;
        for (var i = 0; i < steps.Length; i++)
        {
            if (current is null)
            {
                return Found.Nothing;
            }

            var step = steps[i];
            if (step.Key is null)
            {
                if (step.Property?.Get is not { } get)
                {
                    current = null;
                    return Found.Nothing;
                }

                current = get(current);
                continue;
            }

            if (current is IDictionary dictionary)
            {
                current = facts.Index.Lookup(dictionary, rendered[i]!);
            }
            else if (current is IEnumerable records && step.Element is { } element)
            {
                current = facts.Index.Select(records, element, rendered[i]!);
            }
            else
            {
                current = null;
                return Found.Nothing;
            }

            if (current is null)
            {
                return Found.NotListed;
            }
        }

        return current is null ? Found.Nothing : Found.Value;
    }

    /// <summary>Room for the keys of a path of a few segments, on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct Keys
    {
        public const int Length = 6;

        private string? _first;
    }

    private enum Found
    {
        Nothing,
        Value,
        NotListed,
        ByText,
    }

    /// <summary>A template's segments with their fields resolved; no steps when its slots lie outside <c>[...]</c> keys.</summary>
    private sealed record Resolved(Step[]? Steps, Type? Value)
    {
        private static readonly Resolved ByText = new(null, null);

        /// <summary>Splits a template's text; one whose slots lie outside keys is kept as text and resolved by path.</summary>
        public static Resolved Of(string source)
        {
            var steps = new List<Step>();
            Type? type = typeof(SyncEvidence);
            var end = 0;
            foreach (var (index, length, name, key) in FactResolver.Segments(source))
            {
                if (index != end)
                {
                    return ByText;
                }

                end = index + length;
                if (name is not null)
                {
                    var field = type is null ? null : EvidenceModel.Field(type, name);
                    steps.Add(new Step(source.Substring(index, length), null, field, null));
                    type = field?.Type;
                }
                else
                {
                    var element = type is null ? null : EvidenceModel.ElementType(type);
                    steps.Add(new Step(null, TextTemplate.Parse(key!), null, element is null ? null : ElementInfo.For(element)));
                    type = element;
                }
            }

            // Name segments hold no slots, so a template the segments cover whole has its slots in keys only.
            return end == source.Length ? new Resolved([.. steps], type ?? typeof(object)) : ByText;
        }
    }

    /// <summary>A name segment (<see cref="Literal"/> with its property) or a key segment (<see cref="Key"/> over <see cref="Element"/>).</summary>
    private sealed record Step(string? Literal, TextTemplate? Key, EvidenceField? Property, ElementInfo? Element);
}

/// <summary>A list's record type with the fields a key selector may name, resolved once per type (<see cref="For"/>).</summary>
internal sealed class ElementInfo
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ElementInfo> Known = new();

    private readonly Dictionary<string, EvidenceField> _fields = new(StringComparer.Ordinal);

    private ElementInfo(Type type)
    {
        foreach (var field in EvidenceModel.Fields(type))
        {
            _fields.TryAdd(field.Name, field);
        }

        foreach (var name in FactResolver.KeyProperties)
        {
            if (_fields.TryGetValue(name, out var key))
            {
                DefaultKey = key;
                break;
            }
        }
    }

    /// <summary>The record's key: its <c>id</c>, else <c>number</c>, else <c>name</c> field.</summary>
    public EvidenceField? DefaultKey { get; }

    public EvidenceField? Field(string? name) => name is null ? DefaultKey : _fields.GetValueOrDefault(name);

    /// <summary>The record type's fields, read from the evidence model once per type (a type's fields never change).</summary>
    public static ElementInfo For(Type type) => Known.GetOrAdd(type, static t => new ElementInfo(t));
}
