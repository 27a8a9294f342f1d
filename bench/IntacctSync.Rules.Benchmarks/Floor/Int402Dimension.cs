using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// One dimension as the INT402 conditions see it (<c>d</c>): a plain DTO with the property names the
/// rule file's expressions use, filled by <see cref="Int402Join"/>. Public so RulesEngine can bind it.
/// </summary>
public sealed class Int402Dimension
{
    private static readonly IReadOnlyList<ApiError> NoErrors = [];

    internal Int402Dimension(string? id, string? label)
    {
        Id = id;
        Label = label;
    }

    public string? Id { get; }

    public string? Label { get; }

    public string? MessageName { get; private set; }

    /// <summary>The name a report shows: the message's name, else the label, else the id.</summary>
    public string Name => MessageName ?? Label ?? Id ?? "[X]";

    /// <summary>
    /// The report's <c>subject.dimension</c>: the name a message used, else the label, else the id; <c>null</c> when nothing
    /// names the dimension, or the name is blank or the stand-in <c>[dimension]</c> (a name may start with a bracket: <c>[Fund]</c>).
    /// </summary>
    public string? SubjectName => (MessageName ?? Label ?? Id) is { } name && !string.IsNullOrWhiteSpace(name) && name != "[dimension]" ? name : null;

    /// <summary>The key that names the dimension in fact paths and orders reports: the id, else the label, else the message's name.</summary>
    public string Key => Id ?? Label ?? MessageName ?? "[X]";

    public IntacctDimension? Intacct { get; internal set; }

    public CodingDimension? Coding { get; internal set; }

    public bool? ListedInIntacct { get; internal set; }

    public bool? UserDefined => Intacct?.UserDefined;

    public bool? Exists => ListedInIntacct == false ? false : Intacct?.Exists;

    public bool? Active => Intacct?.Active;

    public bool? Configured => Intacct?.Configured;

    public int? ValuesReturned => Intacct?.ValuesReturned;

    public bool? EnabledInWorkspace { get; internal set; }

    public DimensionImport? ImportAs => Coding?.ImportAs;

    public bool WorkspaceEntryUsesLabel { get; internal set; }

    /// <summary>
    /// Whether the workspace entry names the dimension by its label, as far as the evidence tells (the library's
    /// <c>DimensionSubject.WorkspaceEntryNamesLabel</c>): <c>true</c> as <see cref="WorkspaceEntryUsesLabel"/>; <c>false</c>
    /// when the entry joined the record Intacct lists; <c>null</c> when there is no entry or no listed record to check it against.
    /// </summary>
    public bool? WorkspaceEntryNamesLabel => WorkspaceEntryUsesLabel ? true : Coding is not null && ListedInIntacct == true ? false : null;

    public IReadOnlyList<ObjectRight>? ObjectRights { get; internal set; }

    public bool? UserCanRead => ObjectRights is null ? null : ObjectRights.Contains(ObjectRight.List) && ObjectRights.Contains(ObjectRight.View);

    public IReadOnlyList<ApiError> ApiErrors { get; private set; } = NoErrors;

    public bool ApiPermissionDenied { get; private set; }

    public bool ApiObjectNotFound { get; private set; }

    public bool NamedInMessage => MessageName is not null;

    /// <summary>
    /// The texts that named the dimension as INT402's, in the order they were met (messages, then API
    /// errors): a message by its index in <c>messages</c> (<c>ApiField</c> <c>null</c>), an API error by its
    /// index in <c>apiErrors</c> and the field whose text named it. <c>null</c> until a text names it.
    /// </summary>
    internal List<(int Index, string? ApiField)>? Mentions { get; private set; }

    /// <summary>The position in <c>apiErrors</c> of the first error that refused permission on the object; -1 when none.</summary>
    internal int PermissionDeniedIndex { get; private set; } = -1;

    /// <summary>The position in <c>apiErrors</c> of the first error that said the object was not found; -1 when none.</summary>
    internal int NotFoundIndex { get; private set; } = -1;

    /// <summary>The positions in <c>apiErrors</c> of <see cref="ApiErrors"/>, in the same order.</summary>
    internal List<int>? ApiErrorIndexes { get; private set; }

    internal void AddApiError(ApiError error, int index, bool denied, bool notFound)
    {
        (ApiErrorIndexes ??= []).Add(index);
        if (denied && PermissionDeniedIndex < 0)
        {
            PermissionDeniedIndex = index;
        }

        if (notFound && NotFoundIndex < 0)
        {
            NotFoundIndex = index;
        }

        ApiErrors = ApiErrors.Count == 0 ? [error] : [.. ApiErrors, error];
        ApiPermissionDenied |= denied;
        ApiObjectNotFound |= notFound;
    }

    internal void AddMention(string name, int index, string? apiField)
    {
        MessageName ??= name;
        (Mentions ??= []).Add((index, apiField));
    }
}
