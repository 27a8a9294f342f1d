using System.CommandLine;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>The <c>--batch</c> option of <c>diagnose</c> and the combinations it refuses.</summary>
internal static class BatchOptions
{
    public static Option<string?> Create() => new("--batch")
    {
        Description = "Diagnose every line of a JSONL file (one evidence document per line; '-' reads standard input). " +
            "Writes one {\"line\":N,\"report\":{...}} line per document, in input order; bad lines are reported on standard error and skipped.",
        HelpName = "FILE.jsonl",
    };

    public static Option<string?> CreateHtml() => new("--html")
    {
        Description = "With --batch: also write a triage page to this file (one self-contained HTML file: the summary, a chart of codes, " +
            "and a table of documents to filter, search and open). For one document use --format html instead.",
        HelpName = "PAGE.html",
    };

    public static void Validate(Command command, Option<string?> batch, Option<string?> html, Argument<string?> file, Option<string?> format, Option<string[]> message, Option<string[]> response)
    {
        command.Validators.Add(result =>
        {
            if (result.GetResult(batch) is null)
            {
                if (result.GetResult(html) is not null)
                {
                    result.AddError("--html writes the triage page of a batch: give it with --batch FILE.jsonl; for one document use --format html, which writes the page to standard output.");
                }

                return;
            }

            if (result.ValueOrDefault(html) == "-")
            {
                result.AddError("--html - is not available: standard output carries the JSON lines; give --html the path of an .html file.");
            }

            if (result.ValueOrDefault(file) is not null)
            {
                result.AddError("--batch reads its own input: give either --batch FILE.jsonl or an evidence FILE, not both.");
            }

            if (result.ValueOrDefault(message) is { Length: > 0 } || result.ValueOrDefault(response) is { Length: > 0 })
            {
                result.AddError("--message and --intacct-response apply to one document and cannot be combined with --batch; put the messages and API errors in each line's evidence.");
            }

            if (result.ValueOrDefault(format) is { } chosen && chosen != "json")
            {
                result.AddError(chosen == "html"
                    ? "--batch writes JSON lines to standard output; for a triage page of the batch give --html PAGE.html instead of --format html."
                    : $"--batch writes JSON lines only; --format {chosen} is not available with --batch.");
            }
        });
    }
}
