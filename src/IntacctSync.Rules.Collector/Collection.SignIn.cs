using System.Text.RegularExpressions;
using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

internal sealed partial class Collection
{
    private string? _companyId;
    private string? _entityId;
    private bool? _senderIdAuthorized;
    private bool? _credentialsValid;
    private bool? _passwordExpired;
    private bool? _sessionStarted;
    private bool? _webServicesSubscribed;
    private bool? _userActive;

    /// <summary><c>getAPISession</c>: the sender is authorized, the credentials are valid, a session opens, at which company and entity.</summary>
    /// <returns>Whether a session is open, so the other probes can run.</returns>
    private async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        var reply = await ProbeAsync("getAPISession", null, new XElement("getAPISession"), cancellationToken).ConfigureAwait(false);
        if (reply is null || reply.Unavailable)
        {
            return false;
        }

        if (!reply.Succeeded)
        {
            // Nothing ran but the sign-in: every other fact stays unknown. Only what the refusal says is set.
            _sessionStarted = false;
            var text = reply.ErrorText;
            if (SenderNotAuthorized().IsMatch(text))
            {
                _senderIdAuthorized = false;
            }

            if (PasswordExpired().IsMatch(text))
            {
                _passwordExpired = true;
            }
            else if (UserInactive().IsMatch(text) && !CompanyInactive().IsMatch(text))
            {
                _userActive = false;
            }
            else if (reply.Errors.Any(e => e.Level == ApiErrorLevel.Authentication) && WrongSignIn().IsMatch(text))
            {
                _credentialsValid = false;
            }

            if (NotSubscribed().IsMatch(text))
            {
                _webServicesSubscribed = false;
            }

            _stopped = true;
            return false;
        }

        var api = reply.Data?.Element("api");
        _session.SessionId = NullIfBlank((string?)api?.Element("sessionid"));
        _senderIdAuthorized = true;
        _credentialsValid = true;
        _passwordExpired = false;
        _sessionStarted = true;
        _webServicesSubscribed = true;
        _userActive = true;
        _companyId = NullIfBlank((string?)reply.Authentication?.Element("companyid")) ?? credentials.CompanyId;
        // The session's entity; an empty one is the top level, which is what a session without one is.
        _entityId = NullIfBlank((string?)api?.Element("locationid"))
            ?? NullIfBlank((string?)reply.Authentication?.Element("locationid"))
            ?? _session.EntityId
            ?? string.Empty;
        return true;
    }

    private Connection? BuildConnection()
    {
        var connection = new Connection
        {
            CompanyId = _companyId,
            EntityId = _entityId,
            SenderIdAuthorized = _senderIdAuthorized,
            CredentialsValid = _credentialsValid,
            PasswordExpired = _passwordExpired,
            SessionStarted = _sessionStarted,
            WebServicesSubscribed = _webServicesSubscribed,
        };
        return _sessionStarted is null && _senderIdAuthorized is null && _credentialsValid is null && _passwordExpired is null && _webServicesSubscribed is null
            ? null
            : connection;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"not authorized to make Web Services requests", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SenderNotAuthorized();

    [GeneratedRegex(@"password (?:has )?expired|expired password", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordExpired();

    [GeneratedRegex(@"\buser\b[^|]*\b(?:is )?(?:inactive|disabled)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInactive();

    [GeneratedRegex(@"company (?:is|has been) (?:inactive|disabled|deactivated|suspended)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanyInactive();

    [GeneratedRegex(@"(?:sign-?in|log-?in) information is incorrect", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrongSignIn();

    [GeneratedRegex(@"not subscribed to Web Services|Web Services (?:is )?not subscribed", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotSubscribed();
}
