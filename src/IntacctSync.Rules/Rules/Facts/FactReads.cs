using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The contract paths a derived fact (a member of <see cref="EvidenceFacts"/> or of a subject) is worked out from,
/// as fact path templates (<c>intacct.dimensions[{dimensionKey}].active</c>). A format 2 condition that reads the
/// member cites these paths when it decides a cause and asks for them when it stays unknown. A derived fact without
/// the attribute (a precondition such as <c>e.ReportHasBillable</c>, or a sighting such as <c>e.SignInFailed</c>) is
/// neither cited nor asked for.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
internal sealed class ReadsAttribute(params string[] paths) : Attribute
{
    public IReadOnlyList<string> Paths { get; } = paths;
}

/// <summary>
/// How a format 2 rule names facts, read from an expression's text: the evidence's top-level sections are
/// parameters (<c>workspace.coding.billableEnabled</c> reads <c>e.Evidence.Workspace.Coding.BillableEnabled</c>),
/// and each member chain from a section, from <c>d</c> or from <c>e</c> maps to the contract paths it reads.
/// </summary>
internal static class FactNames
{
    /// <summary>The evidence's top-level sections by their JSON names (<c>workspace</c>, <c>apiErrors</c>, ...).</summary>
    public static readonly IReadOnlySet<string> Sections = typeof(SyncEvidence)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(JsonName)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The expression with each section name that starts a member chain (<c>workspace.coding</c>, not <c>x.workspace</c>,
    /// not inside a text literal, not a lambda parameter of the expression) read through <c>e.Evidence.</c>.
    /// </summary>
    public static string Rewrite(string expression)
    {
        var lambdaParameters = LambdaParameters(expression);
        var text = new StringBuilder(expression.Length + 32);
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                var end = SkipLiteral(expression, i);
                text.Append(expression, i, end - i);
                i = end;
            }
            else if (IsIdentifierStart(c))
            {
                var end = i;
                while (end < expression.Length && IsIdentifierPart(expression[end]))
                {
                    end++;
                }

                var word = expression[i..end];
                if (Sections.Contains(word) && !lambdaParameters.Contains(word) && !AfterDot(expression, i) && !BeforeArrow(expression, end))
                {
                    text.Append("e.Evidence.");
                }

                text.Append(word);
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The fact path templates an expression (rewritten, so that sections read through <c>e.Evidence</c>) reads: each
    /// maximal member chain of the evidence model from <c>e.Evidence</c>, by its JSON names, and the declared paths
    /// (<see cref="ReadsAttribute"/>) of each member of <c>e</c> or <c>d</c> it reads. In the order of the text, once each.
    /// </summary>
    public static List<string> Reads(string expression, Type subjectType)
    {
        var reads = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(expression, i);
                continue;
            }

            if (!IsIdentifierStart(c))
            {
                i++;
                continue;
            }

            var start = i;
            var chain = new List<string>();
            while (true)
            {
                var end = i;
                while (end < expression.Length && IsIdentifierPart(expression[end]))
                {
                    end++;
                }

                chain.Add(expression[i..end]);
                i = end;
                var next = i;
                while (next < expression.Length && char.IsWhiteSpace(expression[next]))
                {
                    next++;
                }

                if (next + 1 < expression.Length && expression[next] == '.' && IsIdentifierStart(expression[next + 1]))
                {
                    i = next + 1;
                    continue;
                }

                break;
            }

            if (AfterDot(expression, start))
            {
                continue;
            }

            foreach (var path in ChainReads(chain, subjectType))
            {
                if (!reads.Contains(path))
                {
                    reads.Add(path);
                }
            }
        }

        return reads;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The members read here are those of the evidence model, the subjects and EvidenceFacts, which ILLink.Descriptors.xml keeps whole for the expression parser.")]
    private static IReadOnlyList<string> ChainReads(List<string> chain, Type subjectType)
    {
        if (chain.Count < 2 || chain[0] is not ("e" or "d"))
        {
            return [];
        }

        var root = chain[0] == "e" ? typeof(EvidenceFacts) : subjectType;
        if (chain[0] == "e" && string.Equals(chain[1], nameof(EvidenceFacts.Evidence), StringComparison.OrdinalIgnoreCase))
        {
            return EvidencePath(chain, 2) is { } path ? [path] : [];
        }

        var member = root.GetMember(chain[1], MemberTypes.Property | MemberTypes.Method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            .FirstOrDefault(m => m.GetCustomAttribute<ReadsAttribute>() is not null);
        return member?.GetCustomAttribute<ReadsAttribute>()?.Paths ?? [];
    }

    // The JSON path of a chain of evidence members (case as written or not: the parser reads members case-insensitively).
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The members read here are those of the evidence model, the subjects and EvidenceFacts, which ILLink.Descriptors.xml keeps whole for the expression parser.")]
    private static string? EvidencePath(List<string> chain, int from)
    {
        var type = typeof(SyncEvidence);
        var path = new StringBuilder();
        for (var i = from; i < chain.Count; i++)
        {
            var property = type.GetProperty(chain[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                break;
            }

            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(JsonName(property));
            var next = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!next.IsClass || next.Namespace != typeof(SyncEvidence).Namespace)
            {
                break;
            }

            type = next;
        }

        return path.Length == 0 ? null : path.ToString();
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static HashSet<string> LambdaParameters(string expression)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var arrow = expression.IndexOf("=>", StringComparison.Ordinal); arrow >= 0; arrow = expression.IndexOf("=>", arrow + 2, StringComparison.Ordinal))
        {
            // "a => ..." or "(a, b) => ...": the identifiers just before the arrow.
            var j = arrow - 1;
            while (j >= 0 && char.IsWhiteSpace(expression[j]))
            {
                j--;
            }

            if (j >= 0 && expression[j] == ')')
            {
                var open = expression.LastIndexOf('(', j);
                foreach (var name in expression[(open + 1)..j].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    names.Add(name);
                }
            }
            else
            {
                var end = j + 1;
                while (j >= 0 && IsIdentifierPart(expression[j]))
                {
                    j--;
                }

                names.Add(expression[(j + 1)..end]);
            }
        }

        return names;
    }

    private static bool AfterDot(string text, int index)
    {
        var j = index - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j]))
        {
            j--;
        }

        return j >= 0 && (text[j] == '.' || text[j] == '@');
    }

    private static bool BeforeArrow(string text, int index)
    {
        var j = index;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j + 1 < text.Length && text[j] == '=' && text[j + 1] == '>';
    }

    /// <summary>The index just past a text or character literal that starts at <paramref name="start"/>.</summary>
    internal static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == quote)
            {
                // A doubled quote is an escaped quote in the dynamic LINQ dialect.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    internal static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    internal static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
