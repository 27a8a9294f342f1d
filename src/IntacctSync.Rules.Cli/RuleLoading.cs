using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Cli;

/// <summary>What every command that loads rules shares: options from <c>--rules</c>, and how invalid rules are reported.</summary>
internal static class RuleLoading
{
    public static IntacctSyncRulesOptions Options(string[] ruleDirectories)
    {
        var options = new IntacctSyncRulesOptions();
        foreach (var directory in ruleDirectories)
        {
            options.RuleDirectories.Add(directory);
        }

        return options;
    }

    /// <summary>Lists every problem on standard error; returns the exit code for invalid rules.</summary>
    public static int Report(RuleLoadException ex, TextWriter stderr)
    {
        stderr.WriteLine("intacct-sync: the rule files are invalid:");
        foreach (var problem in ex.Problems)
        {
            stderr.WriteLine("  " + problem);
        }

        return ExitCodes.BadRules;
    }
}
