using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// The decision-only floor: INT402 written directly in C#, with the rule file's conditions as plain
/// boolean expressions over the hand-joined dimensions. It decides what the library decides (certainty
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
        if (!(d.UserDefined != false && (d.EnabledInWorkspace != false || d.NamedInMessage || d.ApiErrors.Count > 0)))
        {
            return null;
        }

        var gone = d.ListedInIntacct == false || (d.Intacct != null && d.Intacct.Exists == false);
        Span<char> verdicts =
        [
            Verdict(
                (d.Exists != false && d.Configured == false)
                    || (d.Configured == null && d.Exists == true && d.Active == true && d.UserCanRead == true && d.ValuesReturned == 0),
                d.Configured == true || gone),
            Verdict(d.Active == false, d.Active == true || gone),
            Verdict(d.ApiPermissionDenied || d.UserCanRead == false, d.UserCanRead == true || d.ValuesReturned > 0 || gone),
            Verdict(
                d.ApiObjectNotFound
                    || (d.EnabledInWorkspace == true && d.ListedInIntacct == false)
                    || (d.EnabledInWorkspace == true && d.Intacct != null && d.Intacct.Exists == false),
                d.Exists == true || NotImported(d)),
            Verdict(
                d.WorkspaceEntryUsesLabel || (d.EnabledInWorkspace == true && d.ImportAs == DimensionImport.Unset),
                (d.Coding != null && !d.WorkspaceEntryUsesLabel && d.ListedInIntacct == true && d.ImportAs != null && d.ImportAs != DimensionImport.Unset)
                    || NotImported(d)),
        ];

        Certainty certainty;
        if (verdicts.Contains('E'))
        {
            certainty = Certainty.Confirmed;
        }
        else if (e.SignInFailed)
        {
            return null;
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

        var name = d.Name;
        return new Int402Decision(name.StartsWith('[') ? string.Empty : name, certainty, new string(verdicts));
    }

    private static char Verdict(bool established, bool excluded) => established ? 'E' : excluded ? 'X' : 'P';

    private static bool NotImported(Int402Dimension d) =>
        (d.Coding != null && d.Coding.Enabled == false) || (d.Coding == null && d.EnabledInWorkspace == false);

    private static bool Indicated(Int402Dimension d) =>
        d.EnabledInWorkspace == true || d.ValuesReturned == 0 || d.ApiErrors.Count > 0 || d.Active == false
        || d.Configured == false || d.Exists == false || d.UserCanRead == false;
}
