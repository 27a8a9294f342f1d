using Spectre.Console;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>
/// The progress bar on standard error, only when a person watches it (see <c>Program.cs</c>). Kept in its own type so
/// Spectre.Console is loaded only when the bar is shown, not on every start.
/// </summary>
internal static class BatchProgress
{
    public static void Run(BatchDiagnoser diagnoser, Stream input, long? length, TextWriter stdout, TextWriter stderr, BatchSummary summary)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Interactive = InteractionSupport.Yes,
        });

        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("diagnosing", maxValue: Math.Max(1, length ?? 1));
                task.IsIndeterminate = length is null;

                // Bad lines are printed through the live console so they scroll above the bar instead of breaking it.
                await diagnoser.RunAsync(
                    input,
                    stdout,
                    message => console.WriteLine(TerminalText.Prefix + TerminalText.Escape(message)),
                    position => task.Value = position,
                    summary,
                    CancellationToken.None).ConfigureAwait(false);
                task.Value = task.MaxValue;
            })
            .GetAwaiter().GetResult();
    }
}
