using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>Runs <c>diagnose --batch FILE|-</c>: opens the input, builds the classifier, and closes with the summary and exit code.</summary>
internal static class BatchRun
{
    public static int Run(string batch, string[] ruleDirectories, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool showProgress)
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
            stderr.WriteLine($"intacct-sync: cannot read '{batch}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        using (input)
        {
            ISyncErrorClassifier classifier;
            IntacctSyncRulesOptions options;
            try
            {
                options = RuleLoading.Options(ruleDirectories);
                classifier = SyncErrorClassifier.Create(options);
            }
            catch (RuleLoadException ex)
            {
                return RuleLoading.Report(ex, stderr);
            }
            catch (OptionsValidationException ex)
            {
                stderr.WriteLine("intacct-sync: " + string.Join(Environment.NewLine + "intacct-sync: ", ex.Failures));
                return ExitCodes.Usage;
            }

            var diagnoser = new BatchDiagnoser(classifier, options.MaxEvidenceBytes, source, Environment.ProcessorCount);
            BatchSummary summary;
            try
            {
                summary = showProgress
                    ? BatchProgress.Run(diagnoser, input, length, stdout, stderr)
                    : diagnoser.RunAsync(input, stdout, message => stderr.WriteLine("intacct-sync: " + message), progress: null, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"intacct-sync: cannot read '{source}': {ex.Message}; the reports written above are complete, the rest of the input was not read");
                return ExitCodes.BadInput;
            }

            stderr.Write(summary.Render(source));
            return summary.BadLines > 0 ? ExitCodes.BadInput : summary.FaultedReports > 0 ? ExitCodes.RuleFaulted : ExitCodes.Ok;
        }
    }
}
