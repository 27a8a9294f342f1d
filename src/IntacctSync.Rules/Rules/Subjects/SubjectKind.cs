using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// What a rule is evaluated for, once per subject: each dimension, each expense, or the document.
/// A kind builds its subjects once per document, joining the evidence they need, so that a rule's
/// conditions are flat expressions over one subject rather than searches over the whole document.
/// </summary>
internal abstract class SubjectKind
{
    public abstract string Name { get; }

    /// <summary>The type of parameter <c>d</c> in rule expressions.</summary>
    public abstract Type SubjectType { get; }

    /// <summary>The names a rule text may use as <c>{name}</c>.</summary>
    public abstract IReadOnlySet<string> TemplateNames { get; }

    /// <summary>Builds the document's subjects. Message matches name subjects; they are joined here.</summary>
    public abstract IReadOnlyList<object> Build(EvidenceFacts facts, IReadOnlyList<MessageMatch> matches);

    public abstract string TemplateValue(object subject, EvidenceFacts facts, string name);

    /// <summary>Whether a message of <paramref name="code"/> named the subject; its indexes in <c>messages</c>.</summary>
    public abstract IEnumerable<int> MentionsBy(object subject, string code);

    /// <summary>Whether any message of <paramref name="code"/> named the subject.</summary>
    public abstract bool IsMentionedBy(object subject, string code);

    /// <summary>Whether any message named a subject of this kind, and <see cref="IsMentionedBy"/> can say yes.</summary>
    protected static bool Any(List<(string Code, int Index)>? mentions, string code)
    {
        if (mentions is null)
        {
            return false;
        }

        foreach (var mention in mentions)
        {
            if (mention.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The API errors the subject owns: explained when its diagnosis is reported.</summary>
    public abstract IReadOnlyList<ApiError> ApiErrors(object subject);

    /// <summary>The placeholder values of the contract's <c>subject</c>, by contract name.</summary>
    public abstract string? SubjectValue(object subject, string contractName);

    /// <summary>A key that orders diagnoses of one code.</summary>
    public abstract string SortKey(object subject);
}

/// <summary>A message recognized as a code's, with the placeholder values it carried.</summary>
internal sealed record MessageMatch(int Index, string Code, IReadOnlyDictionary<string, string> Values);
