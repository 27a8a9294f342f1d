using System.CommandLine;
using IntacctSync.Rules.Cli.Batch;
using IntacctSync.Rules.Cli.Rendering;
using IntacctSync.Rules.Cli.Rendering.Html;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Cli;

/// <summary><c>intacct-sync diagnose FILE|-</c>: classify one evidence document and print the report.</summary>
internal static class DiagnoseCommand
{
    public static Command Create(Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool outputRedirected, bool showProgress, ClassifierFactory classifiers, Func<string, string?> environment)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The evidence document (JSON); '-' reads standard input. May be left out with --message or --intacct-response.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: text (default on a terminal), json (the contract; default when output is redirected), markdown, html (a self-contained triage page).",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var message = new Option<string[]>("--message", "-m")
        {
            Description = "An error message as a person saw it; may be given more than once. Added to the evidence's messages.",
            AllowMultipleArgumentsPerToken = false,
        };
        var response = new Option<string[]>("--intacct-response")
        {
            Description = "A raw Sage Intacct API response (XML gateway or REST JSON) whose errors are added after the evidence's apiErrors; '-' reads standard input (when FILE is not '-'); may be given more than once.",
            AllowMultipleArgumentsPerToken = false,
        };
        var rules = new Option<string[]>("--rules")
        {
            Description = "A directory of rule files that adds to or overrides the built-in catalog; may be given more than once.",
        };

        var collect = new Option<bool>("--collect")
        {
            Description = "First collect the Intacct side of the evidence from the live company (read-only; credentials from INTACCT_* environment variables) and merge it with FILE, whose facts win.",
        };
        var collectOptions = new CollectOptionSet();

        var batch = BatchOptions.Create();
        var html = BatchOptions.CreateHtml();

        var command = new Command("diagnose", "Classify one evidence document and print the diagnosis report.")
        {
            file, format, message, response, rules, batch, collect, html,
        };
        collectOptions.AddTo(command);
        BatchOptions.Validate(command, batch, html, file, format, message, response);

        command.Validators.Add(result =>
        {
            var collecting = result.ValueOrDefault(collect);
            if (result.GetResult(batch) is null && !collecting && result.ValueOrDefault(file) is null && result.ValueOrDefault(message) is not { Length: > 0 } && result.ValueOrDefault(response) is not { Length: > 0 })
            {
                result.AddError("Give an evidence FILE (or '-' for standard input), --message \"TEXT\", --intacct-response RESPONSE, or --collect.");
            }

            if (StdinReaders(result.ValueOrDefault(file), result.ValueOrDefault(response)) + (result.ValueOrDefault(collectOptions.PasswordsStdin) ? 1 : 0) > 1)
            {
                result.AddError("Standard input can be read only once: give '-' to FILE, to one --intacct-response or --passwords-stdin, and save the others to files.");
            }

            if (collecting && result.GetResult(batch) is not null)
            {
                result.AddError("--collect reads one company for one document; it cannot be combined with --batch.");
            }
        });

        command.SetAction(parse =>
        {
            if (parse.GetValue(batch) is { } batchInput)
            {
                return BatchRun.Run(batchInput, parse.GetValue(html), parse.GetValue(rules) ?? [], stdin, stdout, stderr, showProgress, classifiers);
            }

            var chosen = parse.GetValue(format) ?? (outputRedirected ? "json" : "text");
            var collecting = parse.GetValue(collect) ? collectOptions.Read(parse) : null;
            var inputs = new Inputs(parse.GetValue(file), parse.GetValue(message) ?? [], parse.GetValue(response) ?? [], collecting);
            return Run(inputs, parse.GetValue(rules) ?? [], chosen, stdin, stdout, stderr, classifiers, showProgress, environment);
        });
        return command;
    }

    private static int Run(Inputs inputs, string[] ruleDirectories, string format, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, ClassifierFactory classifiers, bool showProgress, Func<string, string?> environment)
    {
        var file = inputs.File;
        SyncEvidence evidence;
        try
        {
            evidence = Read(file, stdin);
        }
        catch (EvidenceFormatException ex)
        {
            TerminalText.Error(stderr, "cannot read the evidence: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            TerminalText.Error(stderr, $"cannot read '{file}': {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            TerminalText.Error(stderr, $"cannot read '{file}': {ex.Message}");
            return ExitCodes.BadInput;
        }

        var apiErrors = new List<ApiError>();
        foreach (var responseFile in inputs.Responses)
        {
            try
            {
                apiErrors.AddRange(ReadResponse(responseFile, stdin));
            }
            catch (IntacctResponseFormatException ex)
            {
                TerminalText.Error(stderr, "cannot read the Intacct response: " + ex.Message);
                return ExitCodes.BadInput;
            }
            catch (IOException ex)
            {
                TerminalText.Error(stderr, $"cannot read the Intacct response '{responseFile}': {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (UnauthorizedAccessException ex)
            {
                TerminalText.Error(stderr, $"cannot read the Intacct response '{responseFile}': {ex.Message}");
                return ExitCodes.BadInput;
            }
        }

        if (inputs.Messages.Length > 0 || apiErrors.Count > 0)
        {
            evidence = Merge(evidence, inputs.Messages, apiErrors);
        }

        if (inputs.Collect is { } request)
        {
            var (merged, code) = Collecting.Run(request, evidence, stdin, stderr, showProgress, environment);
            if (merged is null)
            {
                return code;
            }

            evidence = merged;
        }

        // The catalog is compiled only once the input has been read: bad input fails fast.
        ISyncErrorClassifier classifier;
        try
        {
            classifier = classifiers(RuleLoading.Options(ruleDirectories), null);
        }
        catch (RuleLoadException ex)
        {
            return RuleLoading.Report(ex, stderr);
        }
        catch (OptionsValidationException ex)
        {
            return RuleLoading.Report(ex, stderr);
        }

        var report = classifier.Classify(evidence);
        var output = format switch
        {
            "json" => DiagnosisReportJson.Write(report) + "\n",
            "markdown" => MarkdownReportWriter.Write(report),
            "html" => SinglePage(report, file ?? "--message"),
            _ => TextReportWriter.Write(report),
        };

        // The whole report is built before anything is written: a failure never leaves half a report.
        stdout.Write(output);
        stdout.Flush();
        return RuleFaults.Report(report, null, stderr);
    }

    private static string SinglePage(DiagnosisReport report, string source)
    {
        using var page = new TriagePageBuilder();
        page.Add(1, report);
        using var html = new MemoryStream();
        TriagePageWriter.Write(html, page, source == "-" ? "<stdin>" : source, documents: 1, badLines: 0);
        return System.Text.Encoding.UTF8.GetString(html.GetBuffer(), 0, (int)html.Length);
    }

    internal static SyncEvidence Read(string? file, Func<Stream> stdin)
    {
        if (file is null)
        {
            return new SyncEvidence();
        }

        if (file == "-")
        {
            using var input = stdin();
            return SyncEvidenceJson.Read(input, "<stdin>");
        }

        if (!File.Exists(file))
        {
            throw new EvidenceFormatException($"the file does not exist; give the path of an evidence JSON document", file);
        }

        using var stream = File.OpenRead(file);
        return SyncEvidenceJson.Read(stream, file);
    }

    /// <summary>How many inputs would read standard input: FILE and each --intacct-response given as '-'.</summary>
    private static int StdinReaders(string? file, string[]? responses) =>
        (file == "-" ? 1 : 0) + (responses ?? []).Count(r => r == "-");

    private static IReadOnlyList<ApiError> ReadResponse(string file, Func<Stream> stdin)
    {
        if (file == "-")
        {
            using var input = stdin();
            return IntacctResponseReader.Read(input, "<stdin>");
        }

        if (!File.Exists(file))
        {
            throw new IntacctResponseFormatException("the file does not exist; give the path of a saved Sage Intacct response body (XML or JSON)", file);
        }

        using var stream = File.OpenRead(file);
        return IntacctResponseReader.Read(stream, file);
    }

    private static SyncEvidence Merge(SyncEvidence evidence, string[] messages, List<ApiError> apiErrors) => new()
    {
        SchemaVersion = evidence.SchemaVersion,
        Operation = evidence.Operation,
        Outcome = evidence.Outcome,
        ObservedAt = evidence.ObservedAt,
        Messages = messages.Length > 0 ? [.. evidence.Messages ?? [], .. messages] : evidence.Messages,
        ApiErrors = apiErrors.Count > 0 ? [.. evidence.ApiErrors ?? [], .. apiErrors] : evidence.ApiErrors,
        Connection = evidence.Connection,
        WebServicesUser = evidence.WebServicesUser,
        Intacct = evidence.Intacct,
        Workspace = evidence.Workspace,
        Report = evidence.Report,
    };

    /// <summary>What the command was given to build the evidence from.</summary>
    private sealed record Inputs(string? File, string[] Messages, string[] Responses, CollectRequest? Collect);
}
