using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>The document-wide facts the INT402 conditions read (<c>e</c>). Public so RulesEngine can bind it.</summary>
public sealed class Int402Document
{
    internal Int402Document(SyncEvidence evidence)
    {
        Evidence = evidence;
        var connection = evidence.Connection;
        Failed = evidence.Outcome == SyncOutcome.Failed
            || evidence.Messages is { Count: > 0 }
            || evidence.ApiErrors is { Count: > 0 };
        SignInFailed = connection?.SenderIdAuthorized == false
            || connection?.CredentialsValid == false
            || connection?.PasswordExpired == true
            || evidence.WebServicesUser?.Active == false
            || AuthenticationError(evidence.ApiErrors);
    }

    public SyncEvidence Evidence { get; }

    public bool Failed { get; }

    public bool SignInFailed { get; }

    private static bool AuthenticationError(IReadOnlyList<ApiError>? errors)
    {
        if (errors is null)
        {
            return false;
        }

        for (var i = 0; i < errors.Count; i++)
        {
            if (errors[i].Level is ApiErrorLevel.Control or ApiErrorLevel.Authentication)
            {
                return true;
            }
        }

        return false;
    }
}
