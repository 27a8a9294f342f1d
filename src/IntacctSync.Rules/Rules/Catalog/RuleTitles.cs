using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Checks that no two loaded rules share a title. Codes are checked as files are read; a title can
/// only be checked once overrides have replaced what they replace, so this runs on the final set.
/// Two rules with one title read as one problem in a report and in <c>rules list</c>.
/// </summary>
internal static class RuleTitles
{
    public static void CheckUnique(IEnumerable<CompiledRule> rules, IEnumerable<(string Source, byte[] Utf8)> files, List<RuleProblem> problems)
    {
        var bytesOf = files.GroupBy(f => f.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Utf8, StringComparer.Ordinal);
        foreach (var group in rules.GroupBy(r => r.Title.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(r => r.Source, StringComparer.Ordinal).ToArray();
            foreach (var rule in ordered.Skip(1))
            {
                var line = bytesOf.TryGetValue(rule.Source, out var utf8) ? JsonLocator.Find(utf8, "$.title")?.Line : null;
                problems.Add(new RuleProblem(rule.Source, line ?? 1, rule.Code,
                    $"$.title: \"{rule.Title}\" is already the title of {ordered[0].Code} ({ordered[0].Source}); give each rule a title of its own"));
            }
        }
    }
}
