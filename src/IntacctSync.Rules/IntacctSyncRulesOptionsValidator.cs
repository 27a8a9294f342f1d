using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>Checks the options when the classifier is first built, reporting every failure at once.</summary>
internal sealed class IntacctSyncRulesOptionsValidator : IValidateOptions<IntacctSyncRulesOptions>
{
    private static readonly TimeSpan MaxReloadDelay = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, IntacctSyncRulesOptions options)
    {
        var failures = new List<string>();
        if (!options.IncludeBuiltInRules && options.RuleDirectories.Count == 0 && options.RuleSources.Count == 0)
        {
            failures.Add("IncludeBuiltInRules is false and RuleDirectories and RuleSources are empty: the classifier would have no rules. Add a rule directory or source, or include the built-in rules.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in options.RuleSources)
        {
            if (source is null)
            {
                failures.Add("RuleSources holds a null entry; remove it.");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"RuleSources: two sources are named '{source.Name}'; give each its own name, so that problems and reports tell them apart.");
            }
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
