using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// What the hand-written INT402 report reads from the whole document: the names its texts use (the
/// workspace, the Web Services user, where its rights are set), worked out once per document, and the facts
/// it cites, written as <c>path = value</c> with the value as compact JSON. A fact is read where its path
/// says, as the contract defines: a record of a list by its key (its <c>id</c>; an API error by a field or
/// by position), a map entry by its key, keys compared without regard to case; a key a present list does
/// not hold is <c>not listed</c>, and a fact the evidence does not hold is not cited.
/// </summary>
internal sealed partial class Int402ReportDocument(SyncEvidence evidence)
{
    private const string NotListed = " = not listed";

    private string? _workspace;
    private string? _userPhrase;
    private string? _userRightsPath;
    private string? _codingPath;
    private string? _syncPath;

    public SyncEvidence Evidence { get; } = evidence;

    /// <summary>The workspace's name, or <c>[Workspace]</c> when it was not observed.</summary>
    public string Workspace => _workspace ??= string.IsNullOrEmpty(Evidence.Workspace?.Name) ? "[Workspace]" : Evidence.Workspace.Name;

    /// <summary>The Web Services user as the texts name it: "the Web Services user xmlgateway_expensify", or without the id.</summary>
    public string UserPhrase => _userPhrase ??= UserId is { } user ? "the Web Services user " + user : "the Web Services user";

    /// <summary>Where the Web Services user's rights are set, by the company's permission model.</summary>
    public string UserRightsPath => _userRightsPath ??= Evidence.WebServicesUser?.PermissionModel switch
    {
        PermissionModel.RoleBased => $"Company > Roles > (the role assigned to {UserId ?? "[Web Services user]"}) > Subscriptions > Platform Services > Permissions",
        PermissionModel.UserBased => $"Company > Web Services Users > {UserId ?? "[Web Services user]"} > Subscriptions > Platform Services > Permissions",
        _ => $"Company > Web Services Users > {UserId ?? "[Web Services user]"} (or the role assigned to it) > Subscriptions > Platform Services > Permissions",
    };

    /// <summary>The workspace's Coding tab, in Classic and in New Expensify.</summary>
    public string CodingPath => _codingPath ??=
        $"Classic: Settings > Workspaces > {Workspace} > Accounting > Configure > Coding tab | New Expensify: Workspaces > {Workspace} > Accounting > Coding";

    /// <summary>Sync Now, in Classic and in New Expensify.</summary>
    public string SyncPath => _syncPath ??=
        $"Classic: Settings > Workspaces > {Workspace} > Accounting > Sync Now | New Expensify: Workspaces > {Workspace} > Accounting > ⋮ > Sync Now";

    private string? UserId => string.IsNullOrEmpty(Evidence.WebServicesUser?.UserId) ? null : Evidence.WebServicesUser.UserId;

    /// <summary><c>intacct.dimensions[KEY].field = value</c>: configured, active, exists, valuesReturned or id.</summary>
    public string? Intacct(string key, string field)
    {
        if (Evidence.Intacct?.Dimensions is not { } records)
        {
            return null;
        }

        IntacctDimension? record = null;
        for (var i = 0; i < records.Count && record is null; i++)
        {
            record = IsKey(records[i].Id, key) ? records[i] : null;
        }

        if (record is null)
        {
            return string.Concat("intacct.dimensions[", Escape(key), "].", field, NotListed);
        }

        var value = field switch
        {
            "configured" => Json(record.Configured),
            "active" => Json(record.Active),
            "exists" => Json(record.Exists),
            "valuesReturned" => record.ValuesReturned?.ToString(CultureInfo.InvariantCulture),
            "id" => record.Id is null ? null : Json(record.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field INT402 cites."),
        };
        return value is null ? null : string.Concat("intacct.dimensions[", Escape(key), "].", field, " = ", value);
    }

    /// <summary><c>webServicesUser.objects[KEY] = ["list","view"]</c>: the Web Services user's rights on the object.</summary>
    public string? Objects(string key)
    {
        if (Evidence.WebServicesUser?.Objects is not { } objects)
        {
            return null;
        }

        IReadOnlyList<ObjectRight>? rights = null;
        foreach (var (name, value) in objects)
        {
            if (IsKey(name, key))
            {
                rights = value;
                break;
            }
        }

        if (rights is null)
        {
            return string.Concat("webServicesUser.objects[", Escape(key), "]", NotListed);
        }

        var text = new System.Text.StringBuilder(32).Append("webServicesUser.objects[").Append(Escape(key)).Append("] = [");
        for (var i = 0; i < rights.Count; i++)
        {
            text.Append(i == 0 ? "\"" : ",\"").Append(Name(rights[i])).Append('"');
        }

        return text.Append(']').ToString();
    }

    /// <summary><c>workspace.coding.dimensions[KEY].field = value</c>: enabled, importAs or id.</summary>
    public string? Coding(string key, string field)
    {
        if (CodingEntry(key, out var entry) is not { } found)
        {
            return entry is null ? null : string.Concat("workspace.coding.dimensions[", Escape(key), "].", field, NotListed);
        }

        var value = field switch
        {
            "enabled" => Json(found.Enabled),
            "importAs" => found.ImportAs is { } import ? Json(import) : null,
            "id" => found.Id is null ? null : Json(found.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field INT402 cites."),
        };
        return value is null ? null : string.Concat("workspace.coding.dimensions[", Escape(key), "].", field, " = ", value);
    }

    /// <summary>
    /// <c>apiErrors[SELECTOR].description</c>, <c>.description2</c> and <c>.correction</c> of the API error at
    /// <paramref name="index"/>, those that hold text: what an API error that proved something said. The selector
    /// reads back exactly that error: its <c>object</c> when it is the first error naming that object, else its error
    /// number when that is an Intacct error number (<c>BL01001973</c>, <c>GW-0010</c>; not a filler such as <c>XXX</c>
    /// or <c>Query Failed</c>) and it is the first error with it, else its position. Nothing for no error (-1).
    /// </summary>
    /// <returns>Whether a text was cited.</returns>
    public bool AddApiErrorTexts(int index, List<string> facts)
    {
        if (index < 0)
        {
            return false;
        }

        var all = Evidence.ApiErrors!;
        var error = all[index];
        string selector;
        if (!string.IsNullOrWhiteSpace(error.Object) && FirstIndex(all, error.Object, static e => e.Object) == index)
        {
            selector = "object=" + Escape(error.Object);
        }
        else if (error.ErrorNo is { } number && IntacctErrorNumber().IsMatch(number) && FirstIndex(all, number, static e => e.ErrorNo) == index)
        {
            selector = "errorNo=" + number;
        }
        else
        {
            selector = "#" + index.ToString(CultureInfo.InvariantCulture);
        }

        return AddText(facts, selector, "description", error.Description)
            | AddText(facts, selector, "description2", error.Description2)
            | AddText(facts, selector, "correction", error.Correction);
    }

    private static bool AddText(List<string> facts, string selector, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        facts.Add(string.Concat("apiErrors[", selector, "].", field, " = ", Json(text)));
        return true;
    }

    // The first error whose field (object or error number) is this one, without regard to case.
    private static int FirstIndex(IReadOnlyList<ApiError> all, string value, Func<ApiError, string?> field)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(field(all[i]), value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What named the dimension as INT402's: <c>messages[0] = "..."</c>, <c>apiErrors[#1].description2 = "..."</c>.</summary>
    public List<string> MentionFacts(Int402Dimension d)
    {
        if (d.Mentions is not { } mentions)
        {
            return [];
        }

        var facts = new List<string>(mentions.Count);
        foreach (var (index, field) in mentions)
        {
            if (field is null)
            {
                facts.Add(string.Concat("messages[", index.ToString(CultureInfo.InvariantCulture), "] = ", Json(Evidence.Messages![index])));
                continue;
            }

            var error = Evidence.ApiErrors![index];
            var text = field switch
            {
                "description2" => error.Description2,
                "description" => error.Description,
                _ => error.Correction,
            };
            facts.Add(string.Concat("apiErrors[#", index.ToString(CultureInfo.InvariantCulture), "].", field, " = ", Json(text!)));
        }

        return facts;
    }

    /// <summary>
    /// A key as a fact path's selector writes it: a backslash before <c>\</c>, <c>]</c>, <c>,</c> and <c>=</c>, before a
    /// leading <c>#</c> (<c>#3</c> is a position) and before a leading or trailing space (selectors are read trimmed).
    /// </summary>
    public static string Escape(string key)
    {
        if (key.Length == 0 || (key.AsSpan().IndexOfAny("\\],=") < 0 && key[0] != '#' && !char.IsWhiteSpace(key[0]) && !char.IsWhiteSpace(key[^1])))
        {
            return key;
        }

        var text = new System.Text.StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '\\' or ']' or ',' or '=' || (i == 0 && c == '#') || (char.IsWhiteSpace(c) && (i == 0 || i == key.Length - 1)))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>A text as a JSON string, escaped as the report's writer escapes it (only what JSON requires).</summary>
    public static string Json(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                // Rare in these texts: let System.Text.Json escape it, with the encoder reports use.
                return string.Concat("\"", JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, "\"");
            }
        }

        return string.Concat("\"", text, "\"");
    }

    private static string? Json(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string Name(ObjectRight right) => right switch
    {
        ObjectRight.List => "list",
        ObjectRight.View => "view",
        ObjectRight.Add => "add",
        ObjectRight.Edit => "edit",
        ObjectRight.Delete => "delete",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "Not an object right."),
    };

    /// <summary>How the workspace imports, as the evidence's JSON writes it: <c>Unset</c> (observed, not chosen) is <c>null</c>.</summary>
    private static string Json(DimensionImport import) => import switch
    {
        DimensionImport.Tag => "\"tag\"",
        DimensionImport.ReportField => "\"reportField\"",
        DimensionImport.Default => "\"default\"",
        _ => "null",
    };

    /// <summary>The coding entry whose id is the key; <paramref name="entries"/> is the list, <c>null</c> when not observed.</summary>
    private CodingDimension? CodingEntry(string key, out IReadOnlyList<CodingDimension>? entries)
    {
        entries = Evidence.Workspace?.Coding?.Dimensions;
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (IsKey(entries![i].Id, key))
            {
                return entries[i];
            }
        }

        return null;
    }

    /// <summary>Whether a record's key is the one a path names (the path's key trimmed, any case).</summary>
    private static bool IsKey(string? recordKey, string key) =>
        recordKey is not null && key.AsSpan().Trim().Equals(recordKey, StringComparison.OrdinalIgnoreCase);

    // BL01001973, GW-0010: an Intacct error number; a filler such as XXX or "Query Failed" names no error.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Z]{2}\d{6,}|[A-Z]{2,}-\d{3,})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IntacctErrorNumber();
}
