using System.CommandLine;
using System.Globalization;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// <c>intacct-sync rules migrate DIR [--dry-run]</c>: rewrites each format 1 rule file of a folder into format 2 where that
/// cannot change an answer (<see cref="RuleMigration"/>), and lists, as <c>file:line: rule: reason</c>, what kept every
/// other file in format 1. Exit 0 when every file is in format 2 afterwards, 6 when some file was left.
/// </summary>
internal static class RulesMigrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string>("DIR") { Description = "A folder of rule files (searched recursively for *.json)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be rewritten; change no file." };
        var command = new Command("migrate", "Rewrite format 1 rule files into format 2 where the answers stay the same; list why not elsewhere. Exit 0 when every file is format 2, 6 when some file was left.")
        {
            directory,
            dryRun,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(dryRun), stdout, stderr));
        return command;
    }

    private static int Run(string directory, bool dryRun, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(directory))
        {
            TerminalText.Error(stderr, $"the rule folder '{directory}' does not exist; give the folder that holds your rule files");
            return ExitCodes.Usage;
        }

        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        int migrated = 0, current = 0, left = 0;
        foreach (var file in files)
        {
            var result = RuleMigration.Migrate(file, File.ReadAllBytes(file));
            if (result.Migrated is { } text)
            {
                if (!dryRun)
                {
                    File.WriteAllText(file, text);
                }

                TerminalText.Line(stdout, $"{(dryRun ? "would migrate" : "migrated")}: {file}");
                migrated++;
            }
            else if (result.Problems.Count == 0)
            {
                current++;
            }
            else
            {
                foreach (var problem in result.Problems)
                {
                    TerminalText.Line(stdout, problem.ToString());
                }

                left++;
            }
        }

        TerminalText.Line(stdout, string.Create(CultureInfo.InvariantCulture, $"{migrated} {(dryRun ? "to migrate" : "migrated")}, {current} already format 2, {left} left in format 1 (reasons above)"));
        return left == 0 ? ExitCodes.Ok : ExitCodes.NotMigrated;
    }
}
