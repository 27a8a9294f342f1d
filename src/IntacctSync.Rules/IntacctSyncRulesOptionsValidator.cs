using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>Checks the options when the classifier is first built, reporting every failure at once.</summary>
internal sealed class IntacctSyncRulesOptionsValidator : IValidateOptions<IntacctSyncRulesOptions>
{
    private static readonly TimeSpan MaxReloadDelay = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, IntacctSyncRulesOptions options)
    {
        var failures = new List<string>();
        if (!options.IncludeBuiltInRules && options.RuleDirectories.Count == 0)
        {
            failures.Add("IncludeBuiltInRules is false and RuleDirectories is empty: the classifier would have no rules. Add a rule directory or include the built-in rules.");
        }

        foreach (var directory in options.RuleDirectories)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                failures.Add("RuleDirectories holds an empty entry; remove it.");
            }
            else if (!Directory.Exists(directory))
            {
                failures.Add($"RuleDirectories: '{directory}' does not exist; create it or remove it.");
            }
        }

        if (options.MaxEvidenceBytes < 1024)
        {
            failures.Add($"MaxEvidenceBytes is {options.MaxEvidenceBytes}; it must be at least 1024.");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > MaxReloadDelay)
        {
            failures.Add(FormattableString.Invariant($"ReloadDelay is {options.ReloadDelay}; it must be between 00:00:00 and {MaxReloadDelay}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
