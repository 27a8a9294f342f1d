using System.Text;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Named conditions: a rule's <c>conditions</c> map names to expressions, and any expression of the rule may use
/// one as <c>@name</c>, so that a clause several causes share is written once. A use is replaced by the named
/// expression in parentheses before the expression is parsed (the text the generator keys its C# by is the text
/// after replacement), outside string and character literals; a named condition may use others. An unknown name,
/// a malformed name and a cycle are problems of the file, with their line.
/// </summary>
internal sealed partial class RuleCompiler
{
    /// <summary>The rule's named conditions, each with the others it uses replaced; problems reported.</summary>
    private static Dictionary<string, string> NamedConditions(FileContext context, Dictionary<string, string>? declared)
    {
        var expanded = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (declared is null || declared.Count == 0)
        {
            return expanded;
        }

        foreach (var name in declared.Keys)
        {
            if (!IsName(name))
            {
                context.Report($"$.conditions.{name}", $"\"{name}\" is not a condition name: use letters and digits, starting with a letter");
            }
        }

        foreach (var name in declared.Keys.Where(IsName))
        {
            _ = Expand(name, []);
        }

        return expanded;

        // A name that failed is reported once and never expanded again: a failure used by many others would
        // otherwise be re-expanded, and re-reported, once per use.
        string? Expand(string name, List<string> using_)
        {
            if (expanded.TryGetValue(name, out var done))
            {
                return done;
            }

            if (failed.Contains(name))
            {
                return null;
            }

            var text = ExpandOnce(name, using_);
            if (text is null && !using_.Contains(name))
            {
                failed.Add(name);
            }

            return text;
        }

        string? ExpandOnce(string name, List<string> using_)
        {
            if (using_.Contains(name))
            {
                context.Report($"$.conditions.{using_[0]}", $"the named conditions use each other in a cycle: @{string.Join(" -> @", using_)} -> @{name}");
                return null;
            }

            if (string.IsNullOrWhiteSpace(declared[name]))
            {
                context.Report($"$.conditions.{name}", "a named condition needs an expression");
                return null;
            }

            // Each use adds a pair of parentheses, so a chain deeper than the nesting limit could never load; stopping
            // here also bounds this recursion, which a file of thousands of chained conditions would overflow.
            if (using_.Count >= ExpressionLimits.MaxDepth)
            {
                context.Report($"$.conditions.{using_[0]}",
                    $"the named conditions use each other more than {ExpressionLimits.MaxDepth} deep (@{using_[0]} -> @{using_[1]} -> ... -> @{name}); "
                    + "use fewer levels of named conditions");
                return null;
            }

            using_.Add(name);
            var text = Replace(declared[name], used => declared.ContainsKey(used) && IsName(used) ? Expand(used, using_) : null, out var unknown);
            using_.RemoveAt(using_.Count - 1);
            if (text is not null && text.Length > ExpressionLimits.MaxLength)
            {
                // Uses can double the text at each level; stopping at the limit keeps that from growing exponentially.
                context.Report($"$.conditions.{name}",
                    $"@{name} is more than {ExpressionLimits.MaxLength} characters long once the named conditions it uses are replaced; "
                    + "use fewer or shorter named conditions in it");
                return null;
            }

            if (unknown is not null)
            {
                // A declared name that failed (a cycle) was reported where it failed.
                if (!declared.ContainsKey(unknown) || !IsName(unknown))
                {
                    context.Report($"$.conditions.{name}", UnknownName(unknown, declared.Keys));
                }

                return null;
            }

            if (text is not null)
            {
                expanded[name] = text;
            }

            return text;
        }
    }

    /// <summary>
    /// <paramref name="expression"/> with its uses of <paramref name="conditions"/> replaced, as the compiler parses it:
    /// for tools that read rule files themselves (the benchmarks' RulesEngine embedding). The rule is one that loads.
    /// </summary>
    /// <exception cref="InvalidOperationException">A use names no condition, or the conditions use each other in a cycle.</exception>
    internal static string ExpandNamedConditions(string expression, IReadOnlyDictionary<string, string>? conditions)
    {
        return Expand(expression, []);

        string Expand(string text, List<string> using_) =>
            Replace(text, name => conditions is not null && conditions.TryGetValue(name, out var named) && !using_.Contains(name) ? Expand(named, [.. using_, name]) : null, out var unknown)
            ?? throw new InvalidOperationException($"@{unknown} is not a named condition of the rule, or uses itself");
    }

    /// <summary>The expression with its uses of named conditions replaced, or <c>null</c> (reported) when one is unknown.</summary>
    private static string? ExpandNamed(FileContext context, string expression, string path)
    {
        if (!expression.Contains('@', StringComparison.Ordinal))
        {
            return expression;
        }

        var text = Replace(expression, name => context.Named.GetValueOrDefault(name), out var unknown);
        if (unknown is not null && context.Declared.Contains(unknown))
        {
            // Declared but refused (a cycle, too long): reported at its declaration already.
            return null;
        }

        if (unknown is not null)
        {
            context.Report(path, UnknownName(unknown, context.Named.Keys));
            return null;
        }

        return text;
    }

    private static string UnknownName(string name, IEnumerable<string> known)
    {
        var names = known.Where(IsName).Select(n => "@" + n).ToList();
        return $"@{name} is not a named condition of this rule; "
            + (names.Count == 0 ? "declare it under \"conditions\"" : "it declares: " + string.Join(", ", names));
    }

    private static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// Replaces each <c>@name</c> outside string and character literals with <c>(</c>its expression<c>)</c>;
    /// <c>null</c> with the first name <paramref name="lookup"/> does not know in <paramref name="unknown"/>.
    /// </summary>
    private static string? Replace(string expression, Func<string, string?> lookup, out string? unknown)
    {
        unknown = null;
        var text = new StringBuilder(expression.Length + 64);
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is { } q)
            {
                text.Append(c);
                if (c == '\\' && i + 1 < expression.Length)
                {
                    text.Append(expression[++i]);
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                text.Append(c);
                continue;
            }

            if (c != '@' || i + 1 >= expression.Length || !char.IsAsciiLetter(expression[i + 1]))
            {
                text.Append(c);
                continue;
            }

            var end = i + 1;
            while (end < expression.Length && char.IsAsciiLetterOrDigit(expression[end]))
            {
                end++;
            }

            var name = expression[(i + 1)..end];
            if (lookup(name) is not { } replacement)
            {
                unknown = name;
                return null;
            }

            text.Append('(').Append(replacement).Append(')');
            i = end - 1;
            if (text.Length > ExpressionLimits.MaxLength)
            {
                // Too long to load whatever follows; the caller reports the length.
                return text.ToString();
            }
        }

        return text.ToString();
    }
}
