using System.Collections.Frozen;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Size limits on a rule expression, checked by one linear scan of its text before any recursive code (the
/// Dynamic LINQ parser, <see cref="ExpressionSandbox"/>, <see cref="ThreeValued"/>, System.Linq.Expressions' compiler or interpreter) sees
/// it. Those recurse once per nesting level or operator, so an expression of thousands of parentheses or
/// <c>+1</c>s would end the process with a stack overflow, which no <c>catch</c> stops; under hot reload that
/// process is the host.
/// </summary>
/// <remarks>
/// The limits are well above the built-in catalog (longest expression 426 characters, deepest nesting 3, most
/// operators 18, most member reads 20, after named conditions are replaced) and low enough that the deepest tree
/// they allow compiles on half of the smallest default thread stack (1 MB, Windows); <c>ExpressionLimitsTests</c>
/// holds both. Stateless and thread-safe.
/// </remarks>
internal static class ExpressionLimits
{
    /// <summary>The longest expression, in characters, after named conditions are replaced.</summary>
    internal const int MaxLength = 4_000;

    /// <summary>How deep parentheses, brackets and braces may nest.</summary>
    internal const int MaxDepth = 32;

    /// <summary>How many operators (<c>&amp;&amp;</c>, <c>==</c>, <c>!</c>, <c>=&gt;</c>, <c>?</c> ... and their word forms) an expression may hold.</summary>
    internal const int MaxOperators = 256;

    /// <summary>
    /// How many members (<c>.Name</c>, <c>.Any(...)</c>) an expression may read: the three-valued rewrite guards each
    /// against an absent owner, and compiling recurses deeply per guard, so a long chain is the deepest tree.
    /// </summary>
    internal const int MaxMemberAccesses = 64;

    private const string OperatorCharacters = "!%&*+-/<=>?:|^~";

    // Each is one operator token of the Dynamic LINQ tokenizer; any other operator character is one on its own.
    private static readonly FrozenSet<string> TwoCharacterOperators =
        new[] { "&&", "||", "==", "!=", "<>", "<=", ">=", "<<", ">>", "??", "?.", "=>" }.ToFrozenSet(StringComparer.Ordinal);

    // Dynamic LINQ's word aliases of operators (case-insensitive there too).
    private static readonly FrozenSet<string> WordOperators = new[]
    {
        "and", "andalso", "or", "orelse", "not", "mod", "eq", "equal", "ne", "neq", "notequal",
        "lt", "lessthan", "le", "lessthanequal", "gt", "greaterthan", "ge", "greaterthanequal",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>What makes <paramref name="expression"/> exceed a limit, with how to fix it; <c>null</c> within the limits.</summary>
    /// <remarks>String and character literals are skipped as the tokenizer reads them (backslash escapes, a doubled quote).</remarks>
    public static string? Check(string expression)
    {
        if (expression.Length > MaxLength)
        {
            return $"it is more than {MaxLength} characters long ({expression.Length}); "
                + "split it into several conditions (a cause may list several establishedWhen entries) or shorten it";
        }

        return Scan(expression, MaxDepth, MaxOperators, MaxMemberAccesses, out _);
    }

    /// <summary>The length, deepest nesting and operator count of <paramref name="expression"/>, as <see cref="Check"/> counts them.</summary>
    internal static (int Length, int Depth, int Operators, int Members) Measure(string expression)
    {
        _ = Scan(expression, int.MaxValue, int.MaxValue, int.MaxValue, out var size);
        return size;
    }

    private static string? Scan(string expression, int maxDepth, int maxOperators, int maxMembers, out (int Length, int Depth, int Operators, int Members) size)
    {
        var depth = 0;
        var deepest = 0;
        var operators = 0;
        var members = 0;
        size = (expression.Length, 0, 0, 0);
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    if (i + 1 < expression.Length && expression[i + 1] == q)
                    {
                        i++;
                    }
                    else
                    {
                        quote = null;
                    }
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
                if (depth > maxDepth)
                {
                    return $"parentheses, brackets and braces nest more than {MaxDepth} deep (at character {i + 1}); "
                        + "remove parentheses that change nothing, or split it into several conditions";
                }
            }
            else if (c == '.' && i + 1 < expression.Length && (char.IsAsciiLetter(expression[i + 1]) || expression[i + 1] == '_'))
            {
                if (++members > maxMembers)
                {
                    return $"it reads more than {MaxMemberAccesses} members such as .Name or .Any(...) (the next at character {i + 1}); "
                        + "split it into several conditions (a cause may list several establishedWhen entries)";
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (OperatorCharacters.Contains(c, StringComparison.Ordinal) || IsWordOperator(expression, ref i))
            {
                if (i + 1 < expression.Length && TwoCharacterOperators.Contains(expression.Substring(i, 2)))
                {
                    i++;
                }

                if (++operators > maxOperators)
                {
                    return $"it has more than {MaxOperators} operators (the next at character {i + 1}); "
                        + "split it into several conditions (a cause may list several establishedWhen entries)";
                }
            }
        }

        size = (expression.Length, deepest, operators, members);
        return null;
    }

    // Reads the identifier at i (leaving i on its last character) and says whether it is an operator word; a member
    // name after '.' never is.
    private static bool IsWordOperator(string expression, ref int i)
    {
        if (!char.IsAsciiLetter(expression[i]) && expression[i] != '_')
        {
            return false;
        }

        var start = i;
        while (i + 1 < expression.Length && (char.IsAsciiLetterOrDigit(expression[i + 1]) || expression[i + 1] == '_'))
        {
            i++;
        }

        return (start == 0 || expression[start - 1] != '.') && WordOperators.Contains(expression[start..(i + 1)]);
    }
}
