using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

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

    /// <summary>Lists every problem on standard error, one escaped line each; returns the exit code for invalid rules.</summary>
    public static int Report(RuleLoadException ex, TextWriter stderr)
    {
        TerminalText.Error(stderr, "the rule files are invalid:");
        foreach (var problem in ex.Problems)
        {
            TerminalText.Line(stderr, "  " + problem);
        }

        return ExitCodes.BadRules;
    }

    /// <summary>Lists every failed option (a <c>--rules</c> folder that does not exist...) on standard error; returns the exit code for wrong usage.</summary>
    public static int Report(OptionsValidationException ex, TextWriter stderr)
    {
        foreach (var failure in ex.Failures)
        {
            TerminalText.Error(stderr, failure);
        }

        return ExitCodes.Usage;
    }
}
