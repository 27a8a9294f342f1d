using System.CommandLine;

namespace IntacctSync.Rules.Cli;

/// <summary>The <c>intacct-sync</c> command line: parsing, and the streams it writes to, injectable for tests.</summary>
internal static class CliApp
{
    public static int Run(string[] args, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool outputRedirected, bool showProgress = false)
    {
        var root = new RootCommand("Diagnoses Sage Intacct sync and export failures from evidence: the documented error, its proven causes, and an ordered plan.")
        {
            DiagnoseCommand.Create(stdin, stdout, stderr, outputRedirected, showProgress),
            RulesCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Usage errors go to standard error only: standard output carries nothing but a report.
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("intacct-sync: " + error.Message);
            }

            stderr.WriteLine("Run 'intacct-sync --help' (or 'intacct-sync diagnose --help') for usage.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
