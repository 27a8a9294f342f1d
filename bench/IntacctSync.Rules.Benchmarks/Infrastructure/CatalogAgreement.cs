using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the whole-catalog race honest: before anything is timed, on every case of every code, each
/// condition RulesEngine evaluates must give what the library's compiled condition gives wherever the library
/// knows it, or setup throws; the decisions are compared and the cases where they differ reported.
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
            // RulesEngine's conditions are two-valued (C#'s lifted comparisons through np()), the library's three-valued:
            // where a gate or a verdict rests on an unknown fact the two may decide differently, by design. The work
            // is the same (every condition of every rule and subject the library evaluates); the decisions are counted.
            if (!ours.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                differing.Add($"{name}: library [{string.Join(", ", ours)}], RulesEngine [{string.Join(", ", theirs)}]");
            }

            decisions += found.Count;
        }

        return $"The library and the RulesEngine embedding of the whole catalog ({rulesEngine.RuleFileCount} rule files, {rulesEngine.ConditionCount} conditions): "
            + $"{conditions:N0} condition values compared, all equal where the library's is known; {rulesEngine.Threw} RulesEngine evaluations threw where the library's value was unknown or false; "
            + $"{decisions} decisions, the same codes and certainties on {documents.Count - differing.Count} of {documents.Count} cases"
            + (differing.Count == 0 ? "." : $" (differing: {string.Join("; ", differing)}).")
            + (unwritten.Count == 0
                ? " Every format 2 condition is written two-valued with the library's reading of unknown (KleeneText)."
                : $" Left on the rule's own two-valued text, where C# may decide what the library leaves unknown: {string.Join("; ", unwritten)}.");
    }
}
