using System.Collections;
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

    /// <summary>The fact as <c>path = value</c>, or <c>null</c> when the evidence does not hold it.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="path">The path text.</param>
    /// <param name="writer">The report's writer, if it has one.</param>
    public static string? Cite(SyncEvidence evidence, string path, FactWriter? writer = null)
    {
        var (current, type, notListed) = Resolve(evidence, path);
        if (notListed)
        {
            return $"{path} = {NotListed}";
        }

        if (current is null)
        {
            return null;
        }

        if (writer is not null)
        {
            return writer.Format(path, current, type);
        }

        var own = FactWriter.Rent();
        var fact = own.Format(path, current, type);
        FactWriter.Return(own);
        return fact;
    }

    /// <summary>
    /// Whether the evidence says anything at <paramref name="path"/>: a value (a JSON <c>null</c> read as empty text or
    /// an unset enum included), or that a list it holds has no record with the path's key. <c>false</c> only when
    /// a field on the way is absent (unknown).
    /// </summary>
    public static bool Holds(SyncEvidence evidence, string path)
    {
        var (current, _, notListed) = Resolve(evidence, path);
        return notListed || current is not null;
    }

    private static (object? Value, Type Type, bool NotListed) Resolve(SyncEvidence evidence, string path)
    {
        object? current = evidence;
        var type = typeof(SyncEvidence);
        foreach (var (_, _, name, selector) in Segments(path))
        {
            if (current is null)
            {
                return (null, type, false);
            }

            if (name is not null)
            {
                var field = EvidenceModel.Field(type, name);
                if (field is null)
                {
                    return (null, type, false);
                }

                current = field.Get(current);
                type = field.Type;
                continue;
            }

            if (EvidenceModel.ElementType(type) is not { } element)
            {
                return (null, type, false);
            }

            if (current is IDictionary dictionary)
            {
                current = FactIndex.Scan(dictionary, selector!);
            }
            else if (current is IEnumerable records)
            {
                current = FactIndex.Scan(records, ElementInfo.For(element), selector!);
            }
            else
            {
                return (null, type, false);
            }

            if (current is null)
            {
                return (null, type, true);
            }

            type = element;
        }

        return (current, type, false);
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

    // A key runs to the first "]" that no backslash escapes (FactKey).
    [GeneratedRegex(@"(?:^|\.)(?<name>[A-Za-z][A-Za-z0-9]*)|\[(?<key>(?:[^\]\\]|\\.)*)\]")]
    private static partial Regex Segment();
}
