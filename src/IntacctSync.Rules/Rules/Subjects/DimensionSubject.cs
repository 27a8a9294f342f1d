using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// One dimension as rule expressions see it (parameter <c>d</c> of rules whose subject is
/// <c>dimension</c>): the Intacct record, the workspace entry, the Web Services user's rights on its
/// object, and the messages and API errors that name it, joined once per document.
/// </summary>
/// <remarks>
/// Every <see cref="bool"/>? here is three-valued: <c>null</c> means the evidence does not say. Lists in
/// the evidence are complete, so a dimension missing from a present list is known not to be there.
/// </remarks>
public sealed partial class DimensionSubject
{
    private static readonly IReadOnlyList<ApiError> NoErrors = [];

    internal DimensionSubject(string? id, string? label)
    {
        Id = id;
        Label = label;
    }

    /// <summary>The object or integration name, such as <c>REGION</c>, where known.</summary>
    public string? Id { get; }

    /// <summary>The name people see, such as <c>Region</c>, where known.</summary>
    public string? Label { get; private set; }

    /// <summary>The name to show people: the name a message used, else the label, else the id.</summary>
    public string Name => MessageName ?? Label ?? Id ?? "[X]";

    /// <summary>The key that names the dimension in fact paths: the id, else the name.</summary>
    public string Key => Id ?? Label ?? MessageName ?? "[X]";

    /// <summary>The Intacct record, where <c>intacct.dimensions</c> holds one.</summary>
    public IntacctDimension? Intacct { get; private set; }

    /// <summary>The workspace's entry, where <c>workspace.coding.dimensions</c> holds one.</summary>
    public CodingDimension? Coding { get; private set; }

    /// <summary>Whether Intacct lists the dimension; <c>null</c> when <c>intacct.dimensions</c> was not observed.</summary>
    public bool? ListedInIntacct { get; private set; }

    /// <summary>Whether it is user-defined.</summary>
    public bool? UserDefined => Intacct?.UserDefined;

    /// <summary>Whether its object is defined in Intacct; <c>false</c> also when a complete list lacks it.</summary>
    [Reads("intacct.dimensions[{dimensionKey}].exists")]
    public bool? Exists => ListedInIntacct == false ? false : Intacct?.Exists;

    /// <summary>Whether it is active.</summary>
    [Reads("intacct.dimensions[{dimensionKey}].active")]
    public bool? Active => Intacct?.Active;

    /// <summary>Whether it is set up completely.</summary>
    [Reads("intacct.dimensions[{dimensionKey}].configured")]
    public bool? Configured => Intacct?.Configured;

    /// <summary>How many values the last read returned.</summary>
    [Reads("intacct.dimensions[{dimensionKey}].valuesReturned")]
    public int? ValuesReturned => Intacct?.ValuesReturned;

    /// <summary>Whether the workspace imports it; <c>false</c> also when a complete coding list lacks it.</summary>
    [Reads("workspace.coding.dimensions[{codingKey}].enabled")]
    public bool? EnabledInWorkspace { get; private set; }

    /// <summary>How the workspace imports it.</summary>
    [Reads("workspace.coding.dimensions[{codingKey}].importAs")]
    public DimensionImport? ImportAs => Coding?.ImportAs;

    /// <summary>Whether the workspace entry names the dimension by its label instead of its integration name.</summary>
    public bool WorkspaceEntryUsesLabel { get; private set; }

    /// <summary>
    /// Whether the workspace entry names the dimension by its label instead of its integration name, as far as the
    /// evidence tells: <c>true</c> as <see cref="WorkspaceEntryUsesLabel"/>; <c>false</c> when the entry joined the record
    /// Intacct lists by its integration name; <c>null</c> when there is no entry or Intacct's record was not observed (an
    /// entry's name can only be checked against the record).
    /// </summary>
    [Reads("workspace.coding.dimensions[{codingKey}].id", "intacct.dimensions[{dimensionKey}].id")]
    public bool? WorkspaceEntryNamesLabel => WorkspaceEntryUsesLabel ? true : Coding is not null && ListedInIntacct == true ? false : null;

    /// <summary>The Web Services user's rights on the dimension's object, where observed.</summary>
    public IReadOnlyList<ObjectRight>? ObjectRights { get; private set; }

    /// <summary>Whether the Web Services user may list and view the dimension's values; <c>null</c> when its rights were not observed.</summary>
    [Reads("webServicesUser.objects[{dimensionKey}]")]
    public bool? UserCanRead => ObjectRights is null ? null : ObjectRights.Contains(ObjectRight.List) && ObjectRights.Contains(ObjectRight.View);

    /// <summary>The API errors about the dimension's object, in response order.</summary>
    public IReadOnlyList<ApiError> ApiErrors { get; private set; } = NoErrors;

    /// <summary>Whether an API error refused the Web Services user permission on the dimension's object.</summary>
    [Reads("apiErrors[{permissionError}].description", "apiErrors[{permissionError}].description2", "apiErrors[{permissionError}].correction")]
    public bool ApiPermissionDenied { get; private set; }

    /// <summary>Whether an API error said the dimension's object definition was not found.</summary>
    [Reads("apiErrors[{notFoundError}].description", "apiErrors[{notFoundError}].description2", "apiErrors[{notFoundError}].correction")]
    public bool ApiObjectNotFound { get; private set; }

    /// <summary>The name a message used for the dimension, where a message named it.</summary>
    public string? MessageName { get; private set; }

    /// <summary>Whether any message named this dimension.</summary>
    public bool NamedInMessage => MessageName is not null;

    /// <summary>The messages that named the dimension: the code each belongs to and its index in <c>messages</c>.</summary>
    internal IReadOnlyList<(string Code, int Index)> Mentions => MentionList ?? [];

    /// <summary>The mentions, or <c>null</c> until a message names the dimension (most never are).</summary>
    internal List<(string Code, int Index)>? MentionList { get; private set; }

    internal void SetIntacct(IntacctDimension record)
    {
        Intacct = record;
        Label ??= string.IsNullOrEmpty(record.Label) ? null : record.Label;
    }

    internal void SetListed(bool? listed) => ListedInIntacct = listed;

    internal void SetCoding(CodingDimension? entry, bool? enabled, bool usesLabel)
    {
        Coding = entry;
        EnabledInWorkspace = enabled;
        WorkspaceEntryUsesLabel = usesLabel;
    }

    internal void SetRights(IReadOnlyList<ObjectRight>? rights) => ObjectRights = rights;

    /// <summary>The position in <c>apiErrors</c> of the first API error about the dimension's object; -1 when none.</summary>
    internal int FirstApiErrorIndex { get; private set; } = -1;

    /// <summary>The position in <c>apiErrors</c> of the first error that denied permission on the dimension's object; -1 when none.</summary>
    internal int PermissionDeniedIndex { get; private set; } = -1;

    /// <summary>The position in <c>apiErrors</c> of the first error that said the dimension's object was not found; -1 when none.</summary>
    internal int NotFoundIndex { get; private set; } = -1;

    internal void AddApiError(ApiError error, int index, bool permissionDenied, bool notFound)
    {
        if (FirstApiErrorIndex < 0)
        {
            FirstApiErrorIndex = index;
        }

        // One list per subject, grown in place: copying it per error made many errors naming one object quadratic.
        if (ApiErrors is not List<ApiError> list)
        {
            ApiErrors = list = [];
        }

        list.Add(error);
        if (permissionDenied && PermissionDeniedIndex < 0)
        {
            PermissionDeniedIndex = index;
        }

        if (notFound && NotFoundIndex < 0)
        {
            NotFoundIndex = index;
        }

        ApiPermissionDenied |= permissionDenied;
        ApiObjectNotFound |= notFound;
    }

    internal void AddMention(string code, int index, string name, IReadOnlyDictionary<string, string> values)
    {
        MessageName ??= name;
        (MentionList ??= []).Add((code, index));
        (MentionValues ??= new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)).TryAdd(code, values);
    }

    /// <summary>
    /// The placeholder values of the first match of each code that named the dimension: one pasted text may hold two
    /// messages of one code naming two dimensions, so a message's index alone does not say which values are whose.
    /// </summary>
    internal Dictionary<string, IReadOnlyDictionary<string, string>>? MentionValues { get; private set; }
}
