using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// API errors that refuse the Web Services user an operation on one of Sage Intacct's own objects ("You do not have
// permission for API operation READ_BY_QUERY on objects of type glaccount", PL04000005): the module that object
// belongs to is missing from the user's rights: the sync's module-permission code (INT245) or the export's (INT043), by
// the job's phase. A refused write is the export's (a sync only reads), whatever the evidence says of the job; a refused
// read may be either's (an export reads vendors, employees and accounts too), so without operation its phase stays
// unknown and neither code's cause is decided by it. A user-defined dimension's object is INT402's (DimensionSubjectKind), not these.
public sealed partial class EvidenceFacts
{
    // Sage Intacct's own objects by the application whose permissions cover them, as the Subscriptions page names it.
    private static readonly Dictionary<string, string> ObjectModules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GLACCOUNT"] = "General Ledger",
        ["GLBATCH"] = "General Ledger",
        ["GLENTRY"] = "General Ledger",
        ["GLDETAIL"] = "General Ledger",
        ["JOURNAL"] = "General Ledger",
        ["STATACCOUNT"] = "General Ledger",
        ["REPORTINGPERIOD"] = "General Ledger",
        ["DEPARTMENT"] = "Company",
        ["LOCATION"] = "Company",
        ["LOCATIONENTITY"] = "Company",
        ["CLASS"] = "Company",
        ["COMPANY"] = "Company",
        ["CONTACT"] = "Company",
        ["USERINFO"] = "Company",
        ["EMPLOYEE"] = "Time & Expenses",
        ["EEXPENSES"] = "Time & Expenses",
        ["EEXPENSESITEM"] = "Time & Expenses",
        ["EXPENSETYPES"] = "Time & Expenses",
        ["VENDOR"] = "Accounts Payable",
        ["APBILL"] = "Accounts Payable",
        ["APBILLITEM"] = "Accounts Payable",
        ["APPYMT"] = "Accounts Payable",
        ["CUSTOMER"] = "Accounts Receivable",
        ["ARINVOICE"] = "Accounts Receivable",
        ["ARPYMT"] = "Accounts Receivable",
        ["PROJECT"] = "Projects",
        ["TASK"] = "Projects",
        ["CCTRANSACTION"] = "Cash Management",
        ["CREDITCARD"] = "Cash Management",
        ["CHECKINGACCOUNT"] = "Cash Management",
        ["SAVINGSACCOUNT"] = "Cash Management",
        ["ITEM"] = "Inventory Control",
        ["WAREHOUSE"] = "Inventory Control",
    };

    private static readonly string[] ReadFunctions = ["readByQuery", "read", "readMore", "readByName", "query", "lookup", "inspect", "getDimensions"];

    private static readonly string[] WriteFunctions = ["create", "update", "delete", "create_sotransaction", "create_potransaction"];

    /// <summary>
    /// Whether an API error refused the Web Services user an operation on one of Sage Intacct's own objects during the sync:
    /// <c>true</c> when such a refusal is known to be the sync's (by <c>operation</c>; never a refused write); <c>false</c>
    /// when no refusal can be the sync's; <c>null</c> when a refusal's job is unknown (no <c>operation</c>, and a read or an
    /// unnamed operation refused).
    /// </summary>
    [Reads("operation", "apiErrors[{syncDeniedError}].errorNo", "apiErrors[{syncDeniedError}].description", "apiErrors[{syncDeniedError}].description2", "apiErrors[{syncDeniedError}].correction")]
    public bool? SyncPermissionDeniedOnStandardObject => Denied(sync: true);

    /// <summary>
    /// Whether an API error refused the Web Services user an operation on one of Sage Intacct's own objects during the export:
    /// <c>true</c> when such a refusal is known to be the export's (a write was refused, or <c>operation</c> says so);
    /// <c>false</c> when no refusal can be the export's; <c>null</c> when a refusal's job is unknown.
    /// </summary>
    [Reads("operation", "apiErrors[{exportDeniedError}].errorNo", "apiErrors[{exportDeniedError}].description", "apiErrors[{exportDeniedError}].description2", "apiErrors[{exportDeniedError}].correction")]
    public bool? ExportPermissionDeniedOnStandardObject => Denied(sync: false);

    /// <summary>The template names of the first refusal of each phase: the error's selector, its object and the object's application.</summary>
    internal static readonly string[] DenialSlots = ["syncDeniedError", "syncDeniedObject", "syncDeniedModule", "exportDeniedError", "exportDeniedObject", "exportDeniedModule"];

    /// <summary>Whether the slot is one of <see cref="DenialSlots"/> whose value is an API error's selector.</summary>
    internal static bool IsDenialErrorSlot(string name) =>
        name.EndsWith("Error", StringComparison.Ordinal) && DenialSlots.Contains(name);

    /// <summary>The value of one of <see cref="DenialSlots"/>; a stand-in (<c>[object]</c>) when no such error was seen.</summary>
    internal string DenialValue(string name)
    {
        var index = FirstDenial(sync: name.StartsWith("sync", StringComparison.Ordinal));
        if (index < 0)
        {
            return name.EndsWith("Error", StringComparison.Ordinal) ? "#0" : name.EndsWith("Module", StringComparison.Ordinal) ? "[module]" : "[object]";
        }

        if (name.EndsWith("Error", StringComparison.Ordinal))
        {
            return ApiErrorSelector(index);
        }

        var deniedObject = DeniedObject(Evidence.ApiErrors![index])!;
        return name.EndsWith("Object", StringComparison.Ordinal) ? deniedObject.ToUpperInvariant() : ObjectModules[deniedObject];
    }

    // The first refusal of each phase, and the first whose phase is unknown, found in one pass on first use (rules ask per document).
    private (int Sync, int Export, int Unknown)? _denials;

    /// <summary>Whether a refusal is the sync's (or the export's): see <see cref="SyncPermissionDeniedOnStandardObject"/>.</summary>
    private bool? Denied(bool sync)
    {
        var denials = Denials();
        return (sync ? denials.Sync : denials.Export) >= 0 ? true : denials.Unknown >= 0 ? null : false;
    }

    /// <summary>
    /// The position of the refusal of a standard object that the sync's (or the export's) facts are about: the first known
    /// to be that job's, else the first whose job is unknown (the one to ask about); -1 when none.
    /// </summary>
    private int FirstDenial(bool sync)
    {
        var denials = Denials();
        var known = sync ? denials.Sync : denials.Export;
        return known >= 0 ? known : denials.Unknown;
    }

    private (int Sync, int Export, int Unknown) Denials()
    {
        if (_denials is not { } denials)
        {
            int firstSync = -1, firstExport = -1, firstUnknown = -1;
            var operation = Evidence.Operation;
            var errors = Evidence.ApiErrors ?? [];
            for (var i = 0; i < errors.Count; i++)
            {
                if (errors[i] is { } error && DeniedObject(error) is { } name && ObjectModules.ContainsKey(name))
                {
                    // A refused write is the export's whatever operation says (a sync never writes: evidence saying
                    // otherwise holds errors of two jobs); any other refusal is the job's, unknown without operation.
                    bool? forSync = IsRead(error) == false ? false : operation switch
                    {
                        SyncOperation.Sync => true,
                        SyncOperation.Export => false,
                        _ => null,
                    };
                    if (forSync == true && firstSync < 0)
                    {
                        firstSync = i;
                    }
                    else if (forSync == false && firstExport < 0)
                    {
                        firstExport = i;
                    }
                    else if (forSync is null && firstUnknown < 0)
                    {
                        firstUnknown = i;
                    }
                }
            }

            _denials = denials = (firstSync, firstExport, firstUnknown);
        }

        return denials;
    }

    /// <summary>The object a permission denial names (its <c>object</c> field, else its text), or <c>null</c> when the error is no denial.</summary>
    private static string? DeniedObject(ApiError error)
    {
        var denial = DenialText(error);
        if (denial is null && !string.Equals(error.ErrorNo, "PL04000005", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(error.Object))
        {
            return error.Object.Trim();
        }

        var named = WordAfter(denial ?? Joined(error), "objects of type ");
        return named.IsEmpty ? null : named.ToString();
    }

    /// <summary>Whether the refused operation reads (<c>true</c>), writes (<c>false</c>), or is not said (<c>null</c>).</summary>
    private static bool? IsRead(ApiError error)
    {
        // "... for API operation READ_BY_QUERY on ...", "API operation CREATE cannot be performed on ...".
        var operation = WordAfter(Joined(error), "API operation ");
        if (!operation.IsEmpty)
        {
            if (operation.StartsWith("READ", StringComparison.OrdinalIgnoreCase) || operation.Equals("QUERY", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (operation.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) || operation.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || operation.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return ReadFunctions.Contains(error.Function, StringComparer.OrdinalIgnoreCase) ? true
            : WriteFunctions.Contains(error.Function, StringComparer.OrdinalIgnoreCase) ? false
            : null;
    }

    /// <summary>The error's texts when one says a permission is refused; else <c>null</c>.</summary>
    private static string? DenialText(ApiError error)
    {
        var text = Joined(error);
        return text.Contains("do not have permission", StringComparison.OrdinalIgnoreCase)
            || text.Contains("not authorized to execute", StringComparison.OrdinalIgnoreCase)
            || text.Contains("cannot be performed on objects of type", StringComparison.OrdinalIgnoreCase)
            ? text
            : null;
    }

    private static string Joined(ApiError error) => string.Concat(error.Description, " ", error.Description2, " ", error.Correction);

    /// <summary>The run of letters, digits and underscores right after <paramref name="marker"/> in the text; empty when none.</summary>
    private static ReadOnlySpan<char> WordAfter(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return [];
        }

        var rest = text.AsSpan(at + marker.Length);
        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] == '_'))
        {
            length++;
        }

        return rest[..length];
    }
}
