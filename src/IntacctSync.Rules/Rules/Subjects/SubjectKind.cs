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

    /// <summary>Adds to <paramref name="into"/> the indexes of the matches of <paramref name="code"/> that named the subject.</summary>
    public abstract void AddMentions(object subject, string code, List<int> into);

    /// <summary>Whether any message of <paramref name="code"/> named the subject.</summary>
    public abstract bool IsMentionedBy(object subject, string code);

    /// <summary>Adds the indexes of a subject's mentions of <paramref name="code"/>: a loop, since reports are written for every diagnosis.</summary>
    protected static void AddMentions(List<(string Code, int Index)>? mentions, string code, List<int> into)
    {
        if (mentions is null)
        {
            return;
        }

        foreach (var mention in mentions)
        {
            if (mention.Code == code)
            {
                into.Add(mention.Index);
            }
        }
    }

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

    /// <summary>
    /// The placeholder values of the match of <paramref name="code"/> that named this very subject, when the kind keeps
    /// them; <c>null</c> to read them from the subject's mentions.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string>? OwnValues(object subject, string code) => null;

    /// <summary>The API errors the subject owns: explained when its diagnosis is reported.</summary>
    public abstract IReadOnlyList<ApiError> ApiErrors(object subject);

    /// <summary>The placeholder values of the contract's <c>subject</c>, by contract name.</summary>
    public abstract string? SubjectValue(object subject, string contractName);

    /// <summary>A key that orders diagnoses of one code.</summary>
    public abstract string SortKey(object subject);
}

/// <summary>
/// A message recognized as a code's, with the placeholder values it carried. An API error text recognized
/// as a code's is a match too: its <see cref="Index"/> is negative (<c>-1 - i</c> for <c>apiErrors[i]</c>)
/// so that it never collides with a message's, and <see cref="ApiField"/> names the text that matched.
/// </summary>
internal sealed record MessageMatch(int Index, string Code, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>For an API error match: the field whose text matched (<c>description2</c>); else <c>null</c>.</summary>
    public string? ApiField { get; init; }

    /// <summary>For an API error match: its index in <c>apiErrors</c>; else <c>null</c>.</summary>
    public int? ApiErrorIndex => Index < 0 ? -1 - Index : null;

    /// <summary>A match of <c>apiErrors[index]</c>.</summary>
    public static MessageMatch ForApiError(int index, string code, string field, IReadOnlyDictionary<string, string> values) =>
        new(-1 - index, code, values) { ApiField = field };

    /// <summary>The API error index a mention stands for, or <c>null</c> for a message index.</summary>
    public static int? ApiErrorOf(int mention) => mention < 0 ? -1 - mention : null;
}
