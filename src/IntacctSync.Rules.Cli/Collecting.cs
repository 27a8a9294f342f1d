using IntacctSync.Rules.Collector;
using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// Collects the Intacct side of the evidence for <c>collect</c> and <c>diagnose --collect</c> and merges it with the
/// host's evidence: credentials from the environment (or standard input), one progress line per probe on a
/// terminal, the merge's conflicts on standard error.
/// </summary>
internal static class Collecting
{
    /// <summary>Collects and merges; on failure returns the exit code, with its message already on standard error.</summary>
    public static (SyncEvidence? Evidence, int ExitCode) Run(CollectRequest request, SyncEvidence host, Func<Stream> stdin, TextWriter stderr, bool showProgress, Func<string, string?> environment)
    {
        var endpointText = NullIfBlank(request.Endpoint) ?? NullIfBlank(environment("INTACCT_ENDPOINT"));
        Uri endpoint = IntacctEvidenceCollectorOptions.ProductionEndpoint;
        if (endpointText is not null && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint!) || endpoint.Scheme is not ("http" or "https")))
        {
            TerminalText.Error(stderr, $"the endpoint '{endpointText}' (from {(request.Endpoint is null ? "INTACCT_ENDPOINT" : "--endpoint")}) is not an absolute http or https URL; give the XML gateway's address, such as {IntacctEvidenceCollectorOptions.ProductionEndpoint}");
            return (null, ExitCodes.Usage);
        }

        string? senderPassword = environment("INTACCT_SENDER_PASSWORD");
        string? userPassword = environment("INTACCT_USER_PASSWORD");
        if (request.PasswordsStdin)
        {
            using var reader = new StreamReader(stdin());
            senderPassword = reader.ReadLine();
            userPassword = reader.ReadLine();
        }

        var senderId = NullIfBlank(request.SenderId) ?? NullIfBlank(environment("INTACCT_SENDER_ID"));
        var companyId = NullIfBlank(request.CompanyId) ?? NullIfBlank(environment("INTACCT_COMPANY_ID"));
        var userId = NullIfBlank(request.UserId) ?? NullIfBlank(environment("INTACCT_USER_ID"));
        var missing = new List<string>();
        if (senderId is null)
        {
            missing.Add("INTACCT_SENDER_ID (or --sender-id)");
        }

        if (string.IsNullOrEmpty(senderPassword))
        {
            missing.Add(request.PasswordsStdin ? "the sender password (the first line of standard input)" : "INTACCT_SENDER_PASSWORD");
        }

        if (companyId is null)
        {
            missing.Add("INTACCT_COMPANY_ID (or --company-id)");
        }

        if (userId is null)
        {
            missing.Add("INTACCT_USER_ID (or --user-id)");
        }

        if (string.IsNullOrEmpty(userPassword))
        {
            missing.Add(request.PasswordsStdin ? "the user password (the second line of standard input)" : "INTACCT_USER_PASSWORD");
        }

        if (missing.Count > 0)
        {
            TerminalText.Error(stderr, $"cannot collect evidence: missing {string.Join(", ", missing)}. Set them and run again; passwords are read only from the environment or, with --passwords-stdin, from standard input.");
            return (null, ExitCodes.Usage);
        }

        var credentials = new IntacctCredentials
        {
            SenderId = senderId!,
            SenderPassword = senderPassword!,
            CompanyId = companyId!,
            UserId = userId!,
            UserPassword = userPassword!,
        };
        var options = new CollectOptions
        {
            EntityId = NullIfBlank(request.EntityId),
            Report = host.Report,
            Progress = showProgress ? new LineProgress(stderr) : null,
        };

        // The accounts the report's lines reach through their categories (vendor-bill and card routes).
        var used = (host.Report?.Expenses ?? []).Select(e => e?.Category).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var category in host.Workspace?.Coding?.Categories ?? [])
        {
            if (category?.Name is { } name && used.Contains(name) && !string.IsNullOrWhiteSpace(category.AccountNumber))
            {
                options.AccountNumbers.Add(category.AccountNumber);
            }
        }
        foreach (var dimension in host.Workspace?.Coding?.Dimensions ?? [])
        {
            if (!string.IsNullOrWhiteSpace(dimension?.Id))
            {
                options.DimensionIds.Add(dimension.Id);
            }
        }

        var services = new ServiceCollection();
        services.AddIntacctEvidenceCollector(o => o.Endpoint = endpoint);
        using var provider = services.BuildServiceProvider();
        SyncEvidence collected;
        try
        {
            // The command line is synchronous; the collection is the only asynchronous step and runs alone.
            collected = provider.GetRequiredService<IIntacctEvidenceCollector>().CollectAsync(credentials, options, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (IntacctGatewayUnreachableException ex)
        {
            TerminalText.Error(stderr, ex.Message);
            return (null, ExitCodes.BadInput);
        }

        var merged = EvidenceMerger.Merge(host, collected);
        foreach (var conflict in merged.Conflicts)
        {
            TerminalText.Error(stderr, "evidence conflict: " + conflict);
        }

        return (merged.Evidence, ExitCodes.Ok);
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One line per probe on standard error, for a person watching a terminal.</summary>
    private sealed class LineProgress(TextWriter stderr) : IProgress<ProbeProgress>
    {
        public void Report(ProbeProgress value) => TerminalText.Line(stderr, "intacct-sync: " + value);
    }
}
