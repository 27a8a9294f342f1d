using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// The whole evidence document as rule expressions see it (parameter <c>e</c>), with the facts every
/// rule asks for worked out once per document.
/// </summary>
/// <remarks>Built once per classification and read by many rules; immutable once built.</remarks>
public sealed partial class EvidenceFacts
{
    internal EvidenceFacts(SyncEvidence evidence, TimeProvider time)
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
            || (evidence.ApiErrors?.Any(a => a.Level is ApiErrorLevel.Control or ApiErrorLevel.Authentication) ?? false);
        Today = DateOnly.FromDateTime((evidence.ObservedAt ?? time.GetUtcNow()).UtcDateTime);
        WorkspaceName = string.IsNullOrEmpty(evidence.Workspace?.Name) ? "[Workspace]" : evidence.Workspace.Name;
        UserId = string.IsNullOrEmpty(evidence.WebServicesUser?.UserId) ? null : evidence.WebServicesUser.UserId;
    }

    private FactIndex? _index;
    private FactWriter? _writer;

    /// <summary>Where the Web Services user's rights are set, worked out once per document for rule texts.</summary>
    internal string? UserRightsPath { get; set; }

    /// <summary>The document's lookups for cited facts, built as facts are cited.</summary>
    internal FactIndex Index => _index ??= new FactIndex();

    /// <summary>Writes the facts this document's report cites; rented on first use, given back by <see cref="ReturnWriter"/>.</summary>
    internal FactWriter Writer => _writer ??= FactWriter.Rent();

    /// <summary>Gives the fact writer back once the report is written, for the next report to use.</summary>
    internal void ReturnWriter()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            FactWriter.Return(writer);
        }
    }

    /// <summary>The messages recognized as a code's, set once before any rule runs.</summary>
    internal MessageMatch[] Matches { get; set; } = [];

    // Matches by message index and by API error index, built on first use: reports look matches up per mention,
    // and scanning every match per mention made a document with many API errors quadratic.
    private MessageMatch?[]? _messageMatches;
    private MessageMatch?[]? _apiErrorMatches;

    // The matches after the first of a text that holds several messages of different codes, by index and code.
    private Dictionary<(int Index, string Code), MessageMatch>? _moreMatches;

    private Dictionary<string, int>? _firstApiErrorByNumber;
    private Dictionary<string, int>? _firstApiErrorByObject;

    /// <summary>The position of the first API error naming this object, without regard to case as selectors read it; -1 when none.</summary>
    internal int FirstApiErrorWithObject(string name)
    {
        if (_firstApiErrorByObject is null)
        {
            var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var errors = Evidence.ApiErrors ?? [];
            for (var i = 0; i < errors.Count; i++)
            {
                if (errors[i]?.Object is { } named)
                {
                    first.TryAdd(named, i);
                }
            }

            _firstApiErrorByObject = first;
        }

        return _firstApiErrorByObject.GetValueOrDefault(name, -1);
    }

    /// <summary>The position of the first API error with this error number (compared as written); -1 when none.</summary>
    internal int FirstApiErrorWithNumber(string errorNo)
    {
        if (_firstApiErrorByNumber is null)
        {
            // Without regard to case, as a selector reads it.
            var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var errors = Evidence.ApiErrors ?? [];
            for (var i = 0; i < errors.Count; i++)
            {
                if (errors[i]?.ErrorNo is { } number)
                {
                    first.TryAdd(number, i);
                }
            }

            _firstApiErrorByNumber = first;
        }

        return _firstApiErrorByNumber.GetValueOrDefault(errorNo, -1);
    }

    /// <summary>
    /// The match of <paramref name="code"/> of a message (index <c>i</c>) or of an API error (index <c>-1 - i</c>), or
    /// <c>null</c>. A message holding several (an e-mail quoting two) has a match per code; the first of each counts.
    /// </summary>
    internal MessageMatch? MatchAt(int index, string code)
    {
        if (_messageMatches is null)
        {
            var messages = new MessageMatch?[Evidence.Messages?.Count ?? 0];
            var apiErrors = new MessageMatch?[Evidence.ApiErrors?.Count ?? 0];
            foreach (var match in Matches)
            {
                var table = match.ApiErrorIndex is null ? messages : apiErrors;
                var at = match.ApiErrorIndex ?? match.Index;
                if (at >= table.Length)
                {
                    continue;
                }

                if (table[at] is null)
                {
                    table[at] = match;
                }
                else if (table[at]!.Code != match.Code)
                {
                    (_moreMatches ??= []).TryAdd((match.Index, match.Code), match);
                }
            }

            _apiErrorMatches = apiErrors;
            _messageMatches = messages;
        }

        var found = index < 0 ? (-1 - index < _apiErrorMatches!.Length ? _apiErrorMatches[-1 - index] : null)
            : index < _messageMatches.Length ? _messageMatches[index] : null;
        return found is null || found.Code == code ? found : _moreMatches?.GetValueOrDefault((index, code));
    }

    /// <summary>Why message recognition stopped before the end (the report's <c>incomplete</c>), or <c>null</c> when it did not.</summary>
    internal string? RecognitionCutShort { get; init; }

    /// <summary>The evidence as read.</summary>
    public SyncEvidence Evidence { get; }

    /// <summary>The job failed: <c>outcome</c> is <c>failed</c>, or a message or an API error was seen.</summary>
    public bool Failed { get; }

    /// <summary>
    /// Signing in to Sage Intacct failed: the sender id is not authorized, the credentials were refused,
    /// the password expired, the Web Services user is inactive, or an API error came at the control or
    /// authentication level.
    /// </summary>
    public bool SignInFailed { get; }

    /// <summary>"Today": the date of <c>observedAt</c>, else the clock's.</summary>
    public DateOnly Today { get; }

    /// <summary>The workspace's name, or <c>[Workspace]</c> when it was not observed.</summary>
    public string WorkspaceName { get; }

    /// <summary>The Web Services user's id, where observed.</summary>
    public string? UserId { get; }

    /// <summary>The first record whose key equals <paramref name="key"/> without regard to case, or <c>null</c>.</summary>
    /// <remarks>
    /// Used instead of <c>FirstOrDefault(r => ... key ...)</c>: a lambda that captures a local makes the
    /// property allocate its closure on entry, whether or not it gets that far, and conditions read these
    /// properties for every document.
    /// </remarks>
    private static T? FirstByKey<T>(IReadOnlyList<T>? records, string key, Func<T, string?> keyOf)
        where T : class
    {
        for (var i = 0; i < (records?.Count ?? 0); i++)
        {
            if (string.Equals(keyOf(records![i]), key, StringComparison.OrdinalIgnoreCase))
            {
                return records[i];
            }
        }

        return null;
    }

    /// <summary>The Web Services user for rule texts: "the Web Services user xmlgateway_expensify", or without the id when it was not observed.</summary>
    internal string UserPhrase => UserId is null ? "the Web Services user" : "the Web Services user " + UserId;
}
