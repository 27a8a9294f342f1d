using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the whole-catalog race honest: before anything is timed, on every case of every code, each
/// condition RulesEngine evaluates must give what the library's compiled condition gives wherever the library
/// knows it (and, for a condition KleeneText wrote, what the library's reading of unknown gives where it does not),
/// or setup throws; the decisions are compared and the cases where they differ reported.
/// </summary>
internal static class CatalogAgreement
{
    // The report merges findings of one code with the same placeholder values (two uncategorized expenses
    // under INT680) at their best certainty, which is report writing; the decisions are compared per code.
    private static List<string> BestByCode(IEnumerable<(string Code, Certainty Certainty)> decisions) =>
        [.. decisions.GroupBy(d => d.Code).Select(g => $"{g.Key} {g.Min(d => d.Certainty)}").Order(StringComparer.Ordinal)];

    /// <returns>A one-line summary of what was compared.</returns>
    public static string Check(ISyncErrorClassifier classifier, RulesEngineCatalog rulesEngine, IReadOnlyList<(string Name, SyncEvidence Evidence)> documents)
    {
        var conditions = 0;
        var decisions = 0;
        var differing = new List<string>();
        var unwritten = rulesEngine.Unwritten.ToList();
        foreach (var (name, evidence) in documents)
        {
            conditions += rulesEngine.CheckConditionsAsync(evidence, name).GetAwaiter().GetResult();
            var ours = BestByCode(classifier.Classify(evidence).Diagnoses.Select(d => (d.Code, d.Certainty)));
            var found = rulesEngine.DecideAsync(evidence).GetAwaiter().GetResult();
            var theirs = BestByCode(found.Select(d => (d.Code, d.Certainty)));
            // RulesEngine's conditions are two-valued; KleeneText writes each format 2 condition as where it is known
            // true and where it is known false, so the two should decide alike. A condition it could not write stays
            // on its own text (listed below), and there C# may decide what the library leaves unknown: a differing
            // case is reported, not hidden. The work is the same (every condition of every rule and subject the library
            // evaluates); the decisions are counted.
            if (!ours.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                differing.Add($"{name}: library [{string.Join(", ", ours)}], RulesEngine [{string.Join(", ", theirs)}]");
            }

            decisions += found.Count;
        }

        return $"The library and the RulesEngine embedding of the whole catalog ({rulesEngine.RuleFileCount} rule files, {rulesEngine.ConditionCount} conditions): "
            + $"{conditions:N0} condition values compared, all equal to the library's where it is known and, for the {rulesEngine.ComparedUnknown:N0} where it is unknown, to its reading of unknown; {rulesEngine.Threw} RulesEngine evaluations threw where the library's value was unknown or false; "
            + $"{decisions} decisions, the same codes and certainties on {documents.Count - differing.Count} of {documents.Count} cases"
            + (differing.Count == 0 ? "." : $" (differing: {string.Join("; ", differing)}).")
            + (unwritten.Count == 0
                ? " Every format 2 condition is written two-valued with the library's reading of unknown (KleeneText)."
                : $" Left on the rule's own two-valued text, where C# may decide what the library leaves unknown: {string.Join("; ", unwritten)}.");
    }
}
