using IntacctSync.Rules.Cli.Rendering.Html;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>Runs <c>diagnose --batch FILE|-</c>: opens the input, builds the classifier, and closes with the summary and exit code.</summary>
internal static class BatchRun
{
    /// <param name="html">The triage page to write (<c>--html</c>), or <c>null</c>.</param>
    public static int Run(string batch, string? html, string[] ruleDirectories, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool showProgress, ClassifierFactory classifiers)
    {
        var source = batch == "-" ? "<stdin>" : batch;
        Stream input;
        long? length = null;
        try
        {
            if (batch == "-")
            {
                input = stdin();
            }
            else
            {
                // Opened before the classifier is built: a wrong path fails at once.
                var stream = new FileStream(batch, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                length = stream.Length;
                input = stream;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TerminalText.Error(stderr, $"cannot read '{batch}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        // Checked before the catalog is built and any line is read: a page that cannot be written fails at once.
        TriagePageFile? pageFile = null;
        if (html is not null && (pageFile = TriagePageFile.Create(html, out var pageError)) is null)
        {
            input.Dispose();
            TerminalText.Error(stderr, pageError!);
            return ExitCodes.Usage;
        }

        using var page = pageFile is null ? null : new TriagePageBuilder();
        using (pageFile)
        using (input)
        {
            ISyncErrorClassifier classifier;
            IntacctSyncRulesOptions options;
            try
            {
                options = RuleLoading.Options(ruleDirectories);
                classifier = classifiers(options, null);
            }
            catch (RuleLoadException ex)
            {
                return RuleLoading.Report(ex, stderr);
            }
            catch (OptionsValidationException ex)
            {
                return RuleLoading.Report(ex, stderr);
            }

            var diagnoser = new BatchDiagnoser(classifier, options.MaxEvidenceBytes, source, Environment.ProcessorCount, page);
            // Filled as the run goes: the summary tells what was done even when the run ends early.
            var summary = new BatchSummary();
            try
            {
                if (showProgress)
                {
                    BatchProgress.Run(diagnoser, input, length, stdout, stderr, summary);
                }
                else
                {
                    diagnoser.RunAsync(input, stdout, message => TerminalText.Error(stderr, message), progress: null, summary, CancellationToken.None).GetAwaiter().GetResult();
                }
            }
            catch (IOException ex)
            {
                TerminalText.Error(stderr, $"cannot read '{source}': {ex.Message}; the reports written above are complete, the rest of the input was not read");
                stderr.Write(summary.Render(source));
                WritePage(pageFile, page, source, summary, stderr);
                return ExitCodes.BadInput;
            }
            catch
            {
                // An internal error: the summary still says what was done; the command line reports the error itself (exit 70).
                stderr.Write(summary.Render(source));
                throw;
            }

            stderr.Write(summary.Render(source));
            if (!WritePage(pageFile, page, source, summary, stderr))
            {
                return ExitCodes.BadInput;
            }

            // A classifier failure is a bug to report first; then bad input; then rule faults.
            return summary.FailedLines > 0 ? ExitCodes.Internal : summary.BadLines > 0 ? ExitCodes.BadInput : summary.FaultedReports > 0 ? ExitCodes.RuleFaulted : ExitCodes.Ok;
        }
    }

    /// <summary>Writes the triage page, if one was asked for; <c>false</c> (and the reason on standard error) when it cannot be written.</summary>
    private static bool WritePage(TriagePageFile? file, TriagePageBuilder? page, string source, BatchSummary summary, TextWriter stderr)
    {
        if (file is null || page is null)
        {
            return true;
        }

        try
        {
            file.Commit(output => TriagePageWriter.Write(output, page, source, summary.Documents, summary.BadLines + summary.FailedLines));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TerminalText.Error(stderr, $"cannot write the triage page: {ex.Message}; the JSON lines above are complete");
            return false;
        }
    }
}
