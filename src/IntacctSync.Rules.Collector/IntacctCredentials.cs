namespace IntacctSync.Rules.Collector;

/// <summary>
/// What signs in to Sage Intacct's XML gateway: the integration's sender (Web Services) id and password,
/// and the company's Web Services user.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. The passwords go into the requests sent to the gateway and
/// nowhere else: <see cref="ToString"/> leaves them out, and no log message, exception or evidence holds them.
/// </remarks>
public sealed class IntacctCredentials
{
    /// <summary>The sender id (Web Services partner id) the integration was issued by Sage.</summary>
    public required string SenderId { get; init; }

    /// <summary>The sender id's password. Never logged or written out.</summary>
    public required string SenderPassword { get; init; }

    /// <summary>The Intacct company id.</summary>
    public required string CompanyId { get; init; }

    /// <summary>The Web Services user's id, such as <c>xmlgateway_expensify</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>The Web Services user's password. Never logged or written out.</summary>
    public required string UserPassword { get; init; }

    /// <summary>The ids, without the passwords.</summary>
    /// <returns>Text naming the sender, company and user.</returns>
    public override string ToString() => $"sender {SenderId}, company {CompanyId}, user {UserId}";

    /// <summary>The names of the properties that are missing or blank, for one message that lists them all.</summary>
    internal IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        Check(SenderId, nameof(SenderId));
        Check(SenderPassword, nameof(SenderPassword));
        Check(CompanyId, nameof(CompanyId));
        Check(UserId, nameof(UserId));
        Check(UserPassword, nameof(UserPassword));
        return missing;

        void Check(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }
    }
}
