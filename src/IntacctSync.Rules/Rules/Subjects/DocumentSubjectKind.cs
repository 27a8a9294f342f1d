using System.Collections.Frozen;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>The whole document as the one subject: for rules about the connection, the user, the workspace.</summary>
internal sealed class DocumentSubjectKind : SubjectKind
{
    public static readonly DocumentSubjectKind Instance = new();

    private static readonly FrozenSet<string> Names = FrozenSet.Create(StringComparer.Ordinal, ["user", "workspace", .. EvidenceFacts.ApiErrorKinds, .. EvidenceFacts.DenialSlots]);

    public override string Name => "document";

    public override Type SubjectType => typeof(EvidenceFacts);

    public override IReadOnlySet<string> TemplateNames => Names;

    public override IReadOnlyList<object> Build(EvidenceFacts facts, IReadOnlyList<MessageMatch> matches) => [facts];

    public override string TemplateValue(object subject, EvidenceFacts facts, string name) => name switch
    {
        "user" => facts.UserPhrase,
        "workspace" => facts.WorkspaceName,
        _ when EvidenceFacts.ApiErrorKinds.Contains(name) => facts.ApiErrorSelector(name),
        _ when EvidenceFacts.DenialSlots.Contains(name) => facts.DenialValue(name),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a document template name."),
    };

    public override void AddMentions(object subject, string code, List<int> into)
    {
        foreach (var match in ((EvidenceFacts)subject).Matches)
        {
            if (match.Code == code)
            {
                into.Add(match.Index);
            }
        }
    }

    public override bool IsMentionedBy(object subject, string code)
    {
        foreach (var match in ((EvidenceFacts)subject).Matches)
        {
            if (match.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    public override IReadOnlyList<ApiError> ApiErrors(object subject) => ((EvidenceFacts)subject).Evidence.ApiErrors ?? [];

    public override string? SubjectValue(object subject, string contractName) => null;

    public override string SortKey(object subject) => string.Empty;
}
