namespace IntacctSync.Rules.Rules;

/// <summary>The rules a classifier with the same options would use, for listing and checking them.</summary>
/// <remarks>Immutable and thread-safe once loaded.</remarks>
public sealed class RuleCatalog
{
    private RuleCatalog(IReadOnlyList<RuleInfo> rules) => Rules = rules;

    /// <summary>The rules, by priority then code.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Loads and validates the rules of <paramref name="options"/> (the built-in catalog by default).</summary>
    /// <param name="options">Which rules to load; <c>null</c> for the built-in catalog.</param>
    /// <returns>The loaded catalog.</returns>
    /// <exception cref="RuleLoadException">A rule file is invalid; every problem is listed.</exception>
    public static RuleCatalog Load(IntacctSyncRulesOptions? options = null)
    {
        options ??= new IntacctSyncRulesOptions();
        var set = RuleSet.Load(options.IncludeBuiltInRules, options.RuleDirectories, options.RuleSources);
        return new RuleCatalog(set.Rules.Select(r => new RuleInfo(r)).ToArray());
    }
}
