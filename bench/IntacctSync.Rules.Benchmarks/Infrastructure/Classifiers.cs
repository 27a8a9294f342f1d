namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>The library's classifiers under test.</summary>
internal static class Classifiers
{
    /// <summary>The whole built-in catalog, as <c>SyncErrorClassifier.Create()</c> builds it.</summary>
    public static ISyncErrorClassifier BuiltIn() => SyncErrorClassifier.Create();

    /// <summary>
    /// The library running INT402 alone (no other code, no fallback): exactly the rule the hand-written
    /// floor and the RulesEngine embedding run, loaded through the public rule-directory option.
    /// </summary>
    public static ISyncErrorClassifier Int402Only()
    {
        var directory = Path.Combine(Path.GetTempPath(), "intacctsync-bench-int402-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "INT402.json"), Corpus.Int402Rule());
        var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = false };
        options.RuleDirectories.Add(directory);
        try
        {
            return SyncErrorClassifier.Create(options);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
