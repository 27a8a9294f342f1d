using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// The decision-only floor: INT402 written directly in C#, with the rule file's format 2 conditions as plain
/// C# over the hand-joined dimensions, each cause's three-valued <c>when</c> written as where it is known true
/// and where it is known false (Kleene's logic, absent facts unknown). It decides what the library decides (certainty
/// and each cause's verdict per dimension) but writes no report text; <see cref="HandWrittenInt402Report"/>
/// is the floor that also writes the library's report.
/// </summary>
internal static class HandWrittenInt402
{
    public static List<Int402Decision> Decide(SyncEvidence evidence)
    {
        var decisions = new List<Int402Decision>();
        if (evidence.Operation == SyncOperation.Export)
        {
            return decisions;
        }

        var document = new Int402Document(evidence);
        foreach (var d in Int402Join.Dimensions(evidence))
        {
            if (Decide(d, document) is { } decision)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }

    private static Int402Decision? Decide(Int402Dimension d, Int402Document e)
    {
        // appliesWhen drops a dimension only where it is known false.
        if (d.UserDefined == false || (d.EnabledInWorkspace == false && !d.NamedInMessage && d.ApiErrors.Count == 0))
        {
            return null;
        }

        // Each cause's when, three-valued (absent facts are unknown): E where it is known true, X where it is known
        // false, P where it is unknown. absentFromIntacct: its record or a complete list says it does not exist, or
        // an API error said its definition was not found.
        bool? absent = d.Exists == false || d.ApiObjectNotFound ? true : d.Exists == null ? null : false;
        Span<char> verdicts =
        [
            Verdict(d.Configured == false && absent == false, d.Configured == true || absent == true),
            Verdict(d.Active == false && absent == false, d.Active == true || absent == true),
            Verdict(d.ApiPermissionDenied || (d.UserCanRead == false && absent == false), !d.ApiPermissionDenied && (d.UserCanRead == true || absent == true)),
            Verdict(d.EnabledInWorkspace == true && absent == true, d.EnabledInWorkspace == false || absent == false),
            Verdict(
                d.EnabledInWorkspace == true && (d.WorkspaceEntryNamesLabel == true || d.ImportAs == DimensionImport.Unset),
                d.EnabledInWorkspace == false || (d.WorkspaceEntryNamesLabel == false && d.ImportAs is { } import && import != DimensionImport.Unset)),
        ];

        // A notWhen never silences a dimension a message of INT402 named, and the others only while no cause is established.
        Certainty certainty;
        var established = verdicts.Contains('E');
        if (!d.NamedInMessage && !established && e.SignInFailed)
        {
            return null;
        }
        else if (established)
        {
            certainty = Certainty.Confirmed;
        }
        else if (d.NamedInMessage)
        {
            certainty = Certainty.Likely;
        }
        else if (e.Failed && verdicts.Contains('P') && Indicated(d))
        {
            certainty = Certainty.Possible;
        }
        else
        {
            return null;
        }

        return new Int402Decision(d.SubjectName ?? string.Empty, certainty, new string(verdicts));
    }

    private static char Verdict(bool established, bool excluded) => established ? 'E' : excluded ? 'X' : 'P';

    private static bool Indicated(Int402Dimension d) =>
        d.EnabledInWorkspace == true || d.ValuesReturned == 0 || d.ApiErrors.Count > 0 || d.Active == false
        || d.Configured == false || d.Exists == false || d.UserCanRead == false;
}
