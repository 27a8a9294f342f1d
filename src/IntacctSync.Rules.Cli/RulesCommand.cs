using System.CommandLine;
using System.Globalization;
using System.Text;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Cli;

/// <summary><c>intacct-sync rules list|validate|test|migrate</c>; <c>list</c> shows the loaded rules with their kinds, causes and case counts.</summary>
internal static class RulesCommand
{
    private const string DefaultCases = RulesTestCommand.DefaultCases;

    public static Command Create(TextWriter stdout, TextWriter stderr, ClassifierFactory classifiers)
    {
        var rules = new Option<string[]>("--rules")
        {
            Description = "A directory of rule files that adds to or overrides the built-in catalog; may be given more than once.",
        };
        var cases = new Option<string?>("--cases")
        {
            Description = $"The folder of rule cases (one sub-folder per code); default: {DefaultCases} when it exists.",
        };

        var list = new Command("list", "List the rules: code, kind, subject, causes and how many cases each has.") { rules, cases };
        list.SetAction(parse => List(parse.GetValue(rules) ?? [], parse.GetValue(cases), stdout, stderr));

        return new Command("rules", "Work with rule files.")
        {
            list,
            RulesValidateCommand.Create(stdout, stderr),
            RulesTestCommand.Create(stdout, stderr, classifiers),
            RulesMigrateCommand.Create(stdout, stderr),
        };
    }

    private static int List(string[] ruleDirectories, string? casesDirectory, TextWriter stdout, TextWriter stderr)
    {
        RuleCatalog catalog;
        try
        {
            catalog = RuleCatalog.Load(RuleLoading.Options(ruleDirectories));
        }
        catch (RuleLoadException ex)
        {
            return RuleLoading.Report(ex, stderr);
        }

        if (casesDirectory is not null && !Directory.Exists(casesDirectory))
        {
            TerminalText.Error(stderr, $"the cases folder '{casesDirectory}' does not exist");
            return ExitCodes.Usage;
        }

        casesDirectory ??= Directory.Exists(DefaultCases) ? DefaultCases : null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"code",-13} {"kind",-15} {"subject",-10} {"cases",5}  causes\n");
        foreach (var rule in catalog.Rules.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var count = casesDirectory is null ? "-" : CountCases(casesDirectory, rule.Code).ToString(CultureInfo.InvariantCulture);
            var kind = rule.Kind.ToString().ToLowerInvariant();
            text.Append(CultureInfo.InvariantCulture, $"{TerminalText.Escape(rule.Code),-13} {kind,-15} {TerminalText.Escape(rule.Subject),-10} {count,5}  {TerminalText.Escape(string.Join(", ", rule.Causes))}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{catalog.Rules.Count} rules\n");
        stdout.Write(text.ToString());
        return ExitCodes.Ok;
    }

    private static int CountCases(string casesDirectory, string code)
    {
        var folder = Path.Combine(casesDirectory, code);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Count(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            : 0;
    }
}
