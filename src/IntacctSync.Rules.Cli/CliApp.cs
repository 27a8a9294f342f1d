using System.CommandLine;

namespace IntacctSync.Rules.Cli;

/// <summary>The <c>intacct-sync</c> command line: parsing, and the streams it writes to, injectable for tests.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line; every failure ends as an exit code and lines on <paramref name="stderr"/>, never as an exception.</summary>
    /// <param name="classifiers">How commands build their classifier; <c>null</c> for the real one (tests inject failures here).</param>
    /// <param name="environment">Reads an environment variable (the <c>INTACCT_*</c> credentials); <c>null</c> for the process's environment.</param>
    public static int Run(string[] args, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool outputRedirected, bool showProgress = false, ClassifierFactory? classifiers = null, Func<string, string?>? environment = null)
    {
        classifiers ??= static (options, time) => SyncErrorClassifier.Create(options, time);
        environment ??= Environment.GetEnvironmentVariable;
        var verbose = new Option<bool>("--verbose")
        {
            Description = "On an internal error, also write its stack trace to standard error.",
            Recursive = true,
        };

        try
        {
            var root = new RootCommand("Diagnoses Sage Intacct sync and export failures from evidence: the documented error, its proven causes, and an ordered plan.")
            {
                DiagnoseCommand.Create(stdin, stdout, stderr, outputRedirected, showProgress, classifiers, environment),
                CollectCommand.Create(stdin, stdout, stderr, showProgress, environment),
                RulesCommand.Create(stdout, stderr, classifiers),
            };
            root.Options.Add(verbose);

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // Usage errors go to standard error only: standard output carries nothing but a report.
                foreach (var error in parsed.Errors)
                {
                    TerminalText.Error(stderr, error.Message);
                }

                TerminalText.Line(stderr, "Run 'intacct-sync --help' (or 'intacct-sync diagnose --help') for usage.");
                return ExitCodes.Usage;
            }

            // Without the default handler an exception reaches the catch below: exit 70, not System.CommandLine's 1 and stack trace.
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return InternalError(ex, args.Contains("--verbose", StringComparer.Ordinal), stdout, stderr);
        }
    }

    private static int InternalError(Exception ex, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        // What was written before the failure is complete; the missing rest must not sit in a buffer.
        TryFlush(stdout);
        TerminalText.Error(stderr, $"internal error: {ex.GetType().Name}: {ex.Message} (a bug in intacct-sync: please report it with the command and its input{(verbose ? string.Empty : "; --verbose shows the stack trace")})");
        if (verbose)
        {
            WriteStackTrace(ex, stderr);
        }

        return ExitCodes.Internal;
    }

    /// <summary>
    /// The stack trace line by line, and each inner exception's; not <see cref="Exception.ToString"/>, whose message
    /// could hold newlines that start lines of their own: every message here is escaped on one line.
    /// </summary>
    private static void WriteStackTrace(Exception ex, TextWriter stderr)
    {
        foreach (var line in (ex.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            TerminalText.Line(stderr, line.TrimEnd('\r'));
        }

        if (ex.InnerException is { } inner)
        {
            TerminalText.Line(stderr, $" ---> {inner.GetType().FullName}: {inner.Message}");
            WriteStackTrace(inner, stderr);
        }
    }

    private static void TryFlush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
            // Standard output is gone (a closed pipe): nothing more can be saved there.
        }
    }
}
