using System.CommandLine;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// <c>intacct-sync rules validate [DIR]</c>: loads an author's rule folder together with the built-in
/// catalog, as <c>diagnose --rules DIR</c> would, and lists every problem as <c>file:line: rule: fix</c>.
/// Without DIR it checks the built-in catalog alone.
/// </summary>
internal static class RulesValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "A folder of rule files (searched recursively for *.json), checked on top of the built-in catalog; default: the built-in catalog alone.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("validate", "Check rule files: JSON shape, expressions, placeholders, steps, causes, duplicate codes and titles. Exit 0 when valid, 3 when not.") { directory };
        command.SetAction(parse => Run(parse.GetValue(directory), stdout, stderr));
        return command;
    }

    private static int Run(string? directory, TextWriter stdout, TextWriter stderr)
    {
        var files = 0;
        if (directory is not null)
        {
            if (!Directory.Exists(directory))
            {
                TerminalText.Error(stderr, $"the rule folder '{directory}' does not exist; give the folder that holds your rule files");
                return ExitCodes.Usage;
            }

            // As the loader counts them: a JSON Schema kept beside the rules (*.schema.json) is not a rule.
            files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
                .Count(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase));
            if (files == 0)
            {
                TerminalText.Error(stderr, $"the rule folder '{directory}' holds no *.json rule files");
                return ExitCodes.BadInput;
            }
        }

        RuleCatalog catalog;
        try
        {
            catalog = RuleCatalog.Load(RuleLoading.Options(directory is null ? [] : [directory]));
        }
        catch (RuleLoadException ex)
        {
            foreach (var problem in ex.Problems)
            {
                TerminalText.Line(stderr, problem.ToString());
            }

            var inFiles = ex.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
            TerminalText.Error(stderr, $"{Count(ex.Problems.Count, "problem")} in {Count(inFiles, "file")}; the rules are invalid");
            return ExitCodes.BadRules;
        }

        stdout.WriteLine(directory is null
            ? $"valid: {Count(catalog.Rules.Count, "rule")} in the built-in catalog"
            : $"valid: {Count(files, "rule file")} in {TerminalText.Escape(directory)}, {Count(catalog.Rules.Count, "rule")} loaded with the built-in catalog");
        return ExitCodes.Ok;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
}
