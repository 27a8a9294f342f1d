using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>Runs <c>diagnose --batch FILE|-</c>: opens the input, builds the classifier, and closes with the summary and exit code.</summary>
internal static class BatchRun
{
    public static int Run(string batch, string[] ruleDirectories, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool showProgress, ClassifierFactory classifiers)
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

            var diagnoser = new BatchDiagnoser(classifier, options.MaxEvidenceBytes, source, Environment.ProcessorCount);
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
                return ExitCodes.BadInput;
            }
            catch
            {
                // An internal error: the summary still says what was done; the command line reports the error itself (exit 70).
                stderr.Write(summary.Render(source));
                throw;
            }

            stderr.Write(summary.Render(source));
            // A classifier failure is a bug to report first; then bad input; then rule faults.
            return summary.FailedLines > 0 ? ExitCodes.Internal : summary.BadLines > 0 ? ExitCodes.BadInput : summary.FaultedReports > 0 ? ExitCodes.RuleFaulted : ExitCodes.Ok;
        }
    }
}
