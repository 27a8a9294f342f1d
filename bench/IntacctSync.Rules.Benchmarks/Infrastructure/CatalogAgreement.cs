using IntacctSync.Rules.Benchmarks.Naive;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>
/// Keeps the whole-catalog race honest: before anything is timed, on every case of every code, each
/// condition RulesEngine evaluates must give what the library's compiled condition gives, and the two must
/// reach the same codes, each at the same best certainty, or setup throws.
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
        foreach (var (name, evidence) in documents)
        {
            conditions += rulesEngine.CheckConditionsAsync(evidence, name).GetAwaiter().GetResult();
            var ours = BestByCode(classifier.Classify(evidence).Diagnoses.Select(d => (d.Code, d.Certainty)));
            var found = rulesEngine.DecideAsync(evidence).GetAwaiter().GetResult();
            var theirs = BestByCode(found.Select(d => (d.Code, d.Certainty)));
            if (!ours.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{name}: the library diagnoses [{string.Join(", ", ours)}] but the RulesEngine embedding decides [{string.Join(", ", theirs)}].");
            }

            decisions += found.Count;
        }

        return $"The library and the RulesEngine embedding of the whole catalog ({rulesEngine.RuleFileCount} rule files, {rulesEngine.ConditionCount} conditions) "
            + $"agree on all {documents.Count} cases: {conditions:N0} condition values compared, {decisions} decisions.";
    }
}
