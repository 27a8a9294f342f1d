using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Rendering;

internal static class StepText
{
    public static string SystemName(StepSystem system) => system switch
    {
        StepSystem.SageIntacct => "Sage Intacct",
        StepSystem.Expensify => "Expensify",
        _ => "Other",
    };

    public static string CertaintyName(Certainty certainty) => certainty switch
    {
        Certainty.Confirmed => "confirmed",
        Certainty.Likely => "likely",
        _ => "possible",
    };

    public static string KindName(ErrorKind kind) => kind.ToString().ToLowerInvariant();
}
