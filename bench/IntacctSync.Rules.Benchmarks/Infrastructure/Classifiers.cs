namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>The library's classifiers under test.</summary>
internal static class Classifiers
{
    /// <summary>
    /// The name the built-in catalog gives INT402, and so the one its reports carry as <c>rule</c>; also the
    /// name under which the benchmarks embed the file.
    /// </summary>
    public const string Int402RuleName = "rules/sync/INT402.json";

    /// <summary>The whole built-in catalog, as <c>SyncErrorClassifier.Create()</c> builds it.</summary>
    public static ISyncErrorClassifier BuiltIn() => SyncErrorClassifier.Create();

    /// <summary>
    /// The library running INT402 alone (no other code, no fallback): exactly the rule the hand-written
    /// floors and the RulesEngine embedding run, loaded through the public rule-source option under the
    /// name the built-in catalog gives it, so that its reports name the rule as the catalog's do (a rule
    /// directory would name it by its file path, which differs from process to process).
    /// </summary>
    public static ISyncErrorClassifier Int402Only()
    {
        var rule = Corpus.Int402Rule();
        var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = false };
        options.RuleSources.Add(new RuleSource(Int402RuleName, () => new MemoryStream(rule, writable: false)));
        return SyncErrorClassifier.Create(options);
    }
}
