using System.CommandLine;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Cli;

/// <summary><c>intacct-sync collect [--evidence FILE] [-o FILE]</c>: collect the Intacct side of the evidence from a live company and write it.</summary>
internal static class CollectCommand
{
    public static Command Create(Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool showProgress, Func<string, string?> environment)
    {
        var evidence = new Option<string?>("--evidence")
        {
            Description = "The host's own evidence (JSON) to merge the collected evidence into; its facts win, and conflicts are listed on standard error.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the evidence to this file instead of standard output.",
        };
        var collect = new CollectOptionSet();
        var command = new Command("collect", "Collect the Sage Intacct side of the evidence from a live company (read-only) and write it as JSON. Credentials come from INTACCT_SENDER_ID, INTACCT_SENDER_PASSWORD, INTACCT_COMPANY_ID, INTACCT_USER_ID and INTACCT_USER_PASSWORD.")
        {
            evidence, output,
        };
        collect.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.ValueOrDefault(evidence) == "-" && result.ValueOrDefault(collect.PasswordsStdin))
            {
                result.AddError("Standard input can be read only once: give '-' to --evidence or use --passwords-stdin, and save the evidence to a file.");
            }
        });
        command.SetAction(parse =>
        {
            var file = parse.GetValue(evidence);
            SyncEvidence host;
            try
            {
                host = file is null ? new SyncEvidence() : DiagnoseCommand.Read(file, stdin);
            }
            catch (Exception ex) when (ex is EvidenceFormatException or IOException or UnauthorizedAccessException)
            {
                TerminalText.Error(stderr, ex is EvidenceFormatException ? "cannot read the evidence: " + ex.Message : $"cannot read '{file}': {ex.Message}");
                return ExitCodes.BadInput;
            }

            var (merged, code) = Collecting.Run(collect.Read(parse), host, stdin, stderr, showProgress, environment);
            if (merged is null)
            {
                return code;
            }

            var json = SyncEvidenceJson.Write(merged) + "\n";
            if (parse.GetValue(output) is { } path)
            {
                try
                {
                    File.WriteAllText(path, json);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    TerminalText.Error(stderr, $"cannot write '{path}': {ex.Message}");
                    return ExitCodes.BadInput;
                }
            }
            else
            {
                stdout.Write(json);
                stdout.Flush();
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
