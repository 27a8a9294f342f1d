using System.CommandLine;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// The options that say how to reach the company, shared by <c>collect</c> and <c>diagnose --collect</c>. IDs may
/// be options or environment variables; passwords only environment variables or standard input, never options
/// (an option's value is visible to every user of the machine in the process list).
/// </summary>
internal sealed class CollectOptionSet
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "The Sage Intacct XML gateway's URL (default: INTACCT_ENDPOINT, else https://api.intacct.com/ia/xml/xmlgw.phtml).",
    };

    public Option<string?> EntityId { get; } = new("--entity-id")
    {
        Description = "Sign in to this entity (default: the top level).",
    };

    public Option<string?> SenderId { get; } = new("--sender-id")
    {
        Description = "The sender id (default: INTACCT_SENDER_ID).",
    };

    public Option<string?> CompanyId { get; } = new("--company-id")
    {
        Description = "The Intacct company id (default: INTACCT_COMPANY_ID).",
    };

    public Option<string?> UserId { get; } = new("--user-id")
    {
        Description = "The Web Services user's id (default: INTACCT_USER_ID).",
    };

    public Option<bool> PasswordsStdin { get; } = new("--passwords-stdin")
    {
        Description = "Read the passwords from standard input instead of INTACCT_SENDER_PASSWORD and INTACCT_USER_PASSWORD: the sender password on the first line, the user's on the second.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(EntityId);
        command.Options.Add(SenderId);
        command.Options.Add(CompanyId);
        command.Options.Add(UserId);
        command.Options.Add(PasswordsStdin);
    }

    public CollectRequest Read(ParseResult parse) => new(
        parse.GetValue(Endpoint),
        parse.GetValue(EntityId),
        parse.GetValue(SenderId),
        parse.GetValue(CompanyId),
        parse.GetValue(UserId),
        parse.GetValue(PasswordsStdin));
}

/// <summary>What the command line said about reaching the company.</summary>
internal sealed record CollectRequest(string? Endpoint, string? EntityId, string? SenderId, string? CompanyId, string? UserId, bool PasswordsStdin);
