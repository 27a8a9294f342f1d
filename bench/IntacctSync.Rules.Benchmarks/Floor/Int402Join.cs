using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// Joins a document's dimensions by hand, the way an embedder without the library would: Intacct's
/// records, the workspace's coding entries, the dimensions pasted INT402 messages and INT402's API error
/// texts (<c>Object definition X not found</c>) name, and the objects API errors name. Matches the
/// library's join (names compared without regard to case, a message's name matched to a label first, an
/// API error's object to an id first, first entry wins), and notes which texts named each dimension, which
/// a report cites.
/// </summary>
internal static partial class Int402Join
{
    private static readonly HashSet<string> StandardObjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "APBILL", "APBILLITEM", "APPYMT", "ARINVOICE", "ARPYMT", "CCTRANSACTION", "CHECKINGACCOUNT", "CLASS", "COMPANY",
        "CONTACT", "CREDITCARD", "CUSTOMER", "DEPARTMENT", "EEXPENSES", "EEXPENSESITEM", "EMPLOYEE", "EXPENSETYPES",
        "GLACCOUNT", "GLBATCH", "GLDETAIL", "GLENTRY", "ITEM", "JOURNAL", "LOCATION", "LOCATIONENTITY", "PROJECT",
        "REPORTINGPERIOD", "SAVINGSACCOUNT", "STATACCOUNT", "TASK", "USERINFO", "VENDOR", "WAREHOUSE",
    };

    /// <summary>The document's dimensions, joined.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="recognized">
    /// Empty, or one flag per message, set for each message INT402 recognizes (by its text, or by its
    /// code alone), which a report does not list as unexplained.
    /// </param>
    public static List<Int402Dimension> Dimensions(SyncEvidence evidence, Span<bool> recognized = default)
    {
        var all = new List<Int402Dimension>();
        var intacct = evidence.Intacct?.Dimensions;
        var unlisted = intacct is null ? (bool?)null : false;
        if (intacct is not null)
        {
            foreach (var record in intacct)
            {
                var key = NullIfBlank(record.Id) ?? NullIfBlank(record.Label);
                if (key is null || ById(all, key) is not null)
                {
                    continue;
                }

                // As the library does: a blank label is no label, but a whitespace one is kept from the record.
                var label = NullIfBlank(record.Label) ?? (string.IsNullOrEmpty(record.Label) ? null : record.Label);
                all.Add(new Int402Dimension(NullIfBlank(record.Id), label) { Intacct = record, ListedInIntacct = true });
            }
        }

        var coding = evidence.Workspace?.Coding?.Dimensions;
        if (coding is not null)
        {
            foreach (var entry in coding)
            {
                var name = NullIfBlank(entry.Id);
                if (name is null)
                {
                    continue;
                }

                var usesLabel = false;
                var subject = ById(all, name);
                if (subject is null && ByLabel(all, name) is { } labelled)
                {
                    subject = labelled;
                    usesLabel = labelled.Id is not null && !string.Equals(labelled.Id, name, StringComparison.OrdinalIgnoreCase);
                }

                if (subject is null)
                {
                    subject = new Int402Dimension(name, null) { ListedInIntacct = unlisted };
                    all.Add(subject);
                }

                subject.Coding = entry;
                subject.EnabledInWorkspace = entry.Enabled;
                subject.WorkspaceEntryUsesLabel = usesLabel;
            }
        }

        if (evidence.Messages is { } messages)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                string? name;
                if (recognized.IsEmpty)
                {
                    name = MessageDimension(messages[i]);
                }
                else
                {
                    name = MessageDimension(messages[i], out recognized[i]);
                }

                if (name is not null)
                {
                    Mention(all, name, unlisted).AddMention(name, i, null);
                }
            }
        }

        // An API error text that INT402 recognizes (its message.apiErrors) names a dimension as a message does.
        if (evidence.ApiErrors is { } texts)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (ApiErrorDimension(texts[i], out var field) is { } name)
                {
                    Mention(all, name, unlisted).AddMention(name, i, field);
                }
            }
        }

        var objects = evidence.WebServicesUser?.Objects;
        foreach (var subject in all)
        {
            if (coding is not null && subject.Coding is null)
            {
                subject.EnabledInWorkspace = false;
                subject.WorkspaceEntryUsesLabel = false;
            }

            subject.ObjectRights = Rights(objects, subject.Id);
        }

        if (evidence.ApiErrors is { } errors)
        {
            for (var index = 0; index < errors.Count; index++)
            {
                var error = errors[index];
                var (name, denied, notFound) = Classify(error);
                if (name is null)
                {
                    continue;
                }

                var subject = ById(all, name) ?? ByLabel(all, name);
                if (subject is null)
                {
                    if (StandardObjects.Contains(name) || !(denied || notFound))
                    {
                        continue;
                    }

                    subject = new Int402Dimension(name.ToUpperInvariant(), null) { ListedInIntacct = unlisted };
                    subject.ObjectRights = Rights(objects, subject.Id);
                    if (coding is not null)
                    {
                        subject.EnabledInWorkspace = false;
                    }

                    all.Add(subject);
                }

                subject.AddApiError(error, index, denied, notFound);
            }
        }

        return all;
    }

    /// <summary>The dimension a message or API error names: by label first, then by id, else a new one.</summary>
    private static Int402Dimension Mention(List<Int402Dimension> all, string name, bool? unlisted)
    {
        var subject = ByLabel(all, name) ?? ById(all, name);
        if (subject is null)
        {
            subject = new Int402Dimension(null, name) { ListedInIntacct = unlisted };
            all.Add(subject);
        }

        return subject;
    }

    /// <summary>
    /// The dimension an INT402 message names, as <see cref="MessageDimension(string?)"/>, and whether INT402
    /// recognizes the message at all: its text matches, or its first code is INT402 (then it names nothing).
    /// </summary>
    public static string? MessageDimension(string? message, out bool recognized)
    {
        recognized = false;
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = Normalize(message);
        var match = Int402Message().Match(text);
        if (!match.Success)
        {
            foreach (var code in Code().EnumerateMatches(text))
            {
                recognized = text.AsSpan(code.Index, code.Length).Equals("INT402", StringComparison.OrdinalIgnoreCase);
                break;
            }

            return null;
        }

        recognized = true;
        return Name(match);
    }

    /// <summary>
    /// The dimension an API error names in one of INT402's texts (<c>Object definition X not found</c>,
    /// <c>Object type X not found</c>), tried in that order on <c>description2</c>, <c>description</c> and
    /// <c>correction</c>, and the field that named it. Wrappers and "unavailable" stand-ins are not read, and a
    /// name left out of the text (<c>...</c>, <c>&lt;object&gt;</c>) is no name.
    /// </summary>
    public static string? ApiErrorDimension(ApiError error, out string? field)
    {
        field = null;
        if (IsWrapper(error) || error.ErrorNo == "INTACCT-UNAVAILABLE")
        {
            return null;
        }

        var match = ApiText(ObjectDefinitionNotFound(), error, out field) ?? ApiText(ObjectTypeNotFound(), error, out field);
        if (match is null)
        {
            return null;
        }

        var name = Name(match);
        return name is null || name.Contains("...", StringComparison.Ordinal) || name.Contains('\u2026', StringComparison.Ordinal)
            || (name.StartsWith('<') && name.EndsWith('>')) || !name.Any(char.IsLetterOrDigit)
            ? null
            : name;
    }

    /// <summary>
    /// Whether the error is one of Intacct's generic wrappers (<c>Could not create ... record!</c>, a rolled-back
    /// transaction), which only repeat that a call failed.
    /// </summary>
    public static bool IsWrapper(ApiError error) =>
        string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrWhiteSpace(error.Description2) && WrapperText().IsMatch(error.Description2))
        || (!string.IsNullOrWhiteSpace(error.Description) && WrapperText().IsMatch(error.Description));

    private static Match? ApiText(Regex pattern, ApiError error, out string? field)
    {
        field = "description2";
        if (Matched(pattern, error.Description2) is { } match)
        {
            return match;
        }

        field = "description";
        if (Matched(pattern, error.Description) is { } second)
        {
            return second;
        }

        field = "correction";
        return Matched(pattern, error.Correction);
    }

    private static Match? Matched(Regex pattern, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : pattern.Match(Normalize(text)) is { Success: true } match ? match : null;

    private static string? Name(Match match)
    {
        var name = match.Groups["name"].Value.Trim().TrimEnd('.').Trim('"', '\'', ' ');
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>The dimension an INT402 message names, with or without its code, quotes and spacing as people paste them.</summary>
    public static string? MessageDimension(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var match = Int402Message().Match(Normalize(message));
        if (!match.Success)
        {
            return null;
        }

        return Name(match);
    }

    // A message read as a person reads it (markup, zero-width characters, typographic quotes and runs of whitespace
    // folded), by the library's own reading: text normalization is not rule machinery, and a second copy drifted.
    private static string Normalize(string text) => IntacctSync.Rules.Rules.MessagePattern.Normalize(text);

    private static (string? Name, bool Denied, bool NotFound) Classify(ApiError error)
    {
        var text = string.Join(' ', error.Description, error.Description2, error.Correction);
        var obj = NullIfBlank(error.Object);
        if (PermissionDenied().Match(text) is { Success: true } denied)
        {
            return (obj ?? denied.Groups["object"].Value, true, false);
        }

        if (NotFound().Match(text) is { Success: true } notFound)
        {
            return (obj ?? notFound.Groups["object"].Value, false, true);
        }

        return (obj, false, false);
    }

    private static IReadOnlyList<ObjectRight>? Rights(IReadOnlyDictionary<string, IReadOnlyList<ObjectRight>>? objects, string? id)
    {
        if (objects is null || id is null)
        {
            return null;
        }

        if (objects.TryGetValue(id, out var rights))
        {
            return rights;
        }

        foreach (var (name, value) in objects)
        {
            if (string.Equals(name, id, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static Int402Dimension? ById(List<Int402Dimension> all, string id)
    {
        foreach (var d in all)
        {
            if (d.Id is not null && string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return null;
    }

    private static Int402Dimension? ByLabel(List<Int402Dimension> all, string label)
    {
        foreach (var d in all)
        {
            if (d.Label is not null && string.Equals(d.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return null;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"Sage\s+Intacct\s+couldn't\s+return\s+values\s+for\s+dimension\s+(?<name>.+?)\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Int402Message();

    [GeneratedRegex(@"\bINT\d{3}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"Object\s+definition\s+(?<name>.+?)\s+not\s+found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ObjectDefinitionNotFound();

    [GeneratedRegex(@"Object\s+type\s+(?<name>.+?)\s+not\s+found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ObjectTypeNotFound();

    [GeneratedRegex(@"^\s*(?:Could not create [\w ]+ record[!.]?|Currently, we can.t create the transaction\.?|The entire transaction in this operation has been rolled back due to an error\.?|\w+ request on \S+ object was unsuccessful\.?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrapperText();

    [GeneratedRegex(@"do not have permission for API operation \S+ on objects of type (?<object>[A-Za-z0-9_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionDenied();

    [GeneratedRegex(@"Object definition (?<object>[A-Za-z0-9_]+) not found", RegexOptions.IgnoreCase)]
    private static partial Regex NotFound();
}
