using System.Globalization;
using System.Linq.Expressions;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Benchmarks.Naive;

/// <summary>
/// Rewrites a parsed format 2 condition into RulesEngine text that plain two-valued C# evaluates to <c>true</c>
/// exactly where the library's three-valued (Kleene) reading of the condition is known true, or known false: the
/// negation is pushed down to the atoms (De Morgan over <c>&amp;&amp;</c> and <c>||</c>, <c>!(a == b)</c> is
/// <c>a != b</c>, <c>!(a &lt; b)</c> is <c>a &gt;= b</c> for integers), and each atom is written so that an unknown
/// operand makes it false: <c>d.Configured == false</c> is false on <c>null</c> under C#'s lifted comparison as it
/// stands (and negates to <c>d.Configured == true</c>), <c>d.ImportAs != DimensionImport.Unset</c> becomes
/// <c>(d.ImportAs != null &amp;&amp; ...)</c>, a Boolean
/// fact <c>x</c> is <c>x</c> or <c>!x</c> (<c>x == true</c> or <c>x == false</c> when it is a <c>bool?</c>).
/// </summary>
/// <remarks>
/// The same walk without the two-valued guards writes the plain Kleene negation, which the library's own check
/// (<see cref="Rules.RuleMigration"/>'s <c>IsKleeneNegation</c>, the one <c>rules migrate</c> trusts) confirms
/// before the benchmark uses it. Only the shapes INT402 uses are written (comparisons with a literal, Boolean
/// members, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>); anything else throws, so the embedding never guesses.
/// </remarks>
internal static class KleeneText
{
    /// <summary>Text that C# evaluates to true exactly where <paramref name="condition"/> is Kleene-<paramref name="value"/>.</summary>
    public static string Holds(Expression condition, bool value) => Write(condition, value, twoValued: true);

    /// <summary>The Kleene negation of <paramref name="condition"/> pushed down to its atoms, still three-valued.</summary>
    public static string Negation(Expression condition) => Write(condition, value: false, twoValued: false);

    private static string Write(Expression x, bool value, bool twoValued)
    {
        switch (x.NodeType)
        {
            case ExpressionType.AndAlso or ExpressionType.OrElse when x is BinaryExpression { Method: null } b:
                {
                    // Kleene: a && b is true when both are, false when either is (De Morgan for ||).
                    var and = (x.NodeType == ExpressionType.AndAlso) == value;
                    return $"({Write(b.Left, value, twoValued)} {(and ? "&&" : "||")} {Write(b.Right, value, twoValued)})";
                }

            case ExpressionType.Not when x is UnaryExpression { Method: null } u && Unlifted(u.Type) == typeof(bool):
                return Write(u.Operand, !value, twoValued);

            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual when x is BinaryExpression b:
                return Compare(b, value, twoValued);

            case ExpressionType.MemberAccess when Unlifted(x.Type) == typeof(bool):
                {
                    var text = Operand(x);
                    if (!twoValued)
                    {
                        return value ? text : $"!({text})";
                    }

                    return x.Type == typeof(bool) ? (value ? text : $"!{text}") : $"{text} == {(value ? "true" : "false")}";
                }

            default:
                throw new NotSupportedException($"The INT402 embedding does not rewrite {x.NodeType} ({x}); add it to KleeneText.");
        }
    }

    private static string Compare(BinaryExpression b, bool value, bool twoValued)
    {
        var op = b.NodeType;
        Expression left = b.Left, right = b.Right;
        if (IsConstant(left) && !IsConstant(right))
        {
            (left, right) = (right, left);
            op = RuleMigration.Mirror(op);
        }

        if (!IsConstant(right))
        {
            throw new NotSupportedException($"The INT402 embedding only rewrites comparisons with a literal, not {b}.");
        }

        var literal = Constant(right);
        if (!value)
        {
            if (op is not (ExpressionType.Equal or ExpressionType.NotEqual) && !RuleMigration.Ordered(left.Type))
            {
                throw new NotSupportedException($"!(a < b) is not a >= b for {left.Type.Name} ({b}).");
            }

            op = RuleMigration.Negated(op);
        }

        var operand = Operand(left);

        // A Boolean compared with a literal: x != false is x == true (both unknown when x is), which C# reads as is.
        if (op == ExpressionType.NotEqual && literal is "true" or "false")
        {
            return $"{operand} == {(literal == "true" ? "false" : "true")}";
        }

        var text = $"{operand} {Symbol(op)} {literal}";

        // A comparison with the literal null asks whether the fact is known: two-valued both ways. Any other comparison
        // is unknown on an unknown operand; C#'s lifted ==, <, <=, >, >= are false there already, its != is true, so
        // a != needs the guard.
        if (twoValued && op == ExpressionType.NotEqual && literal != "null" && Nullable.GetUnderlyingType(left.Type) is not null)
        {
            return $"({operand} != null && {text})";
        }

        return text;
    }

    private static string Operand(Expression x) => x switch
    {
        ParameterExpression p => p.Name!,
        MemberExpression { Expression: { } owner } m => $"{Operand(owner)}.{m.Member.Name}",
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } c => Operand(c.Operand),
        _ => throw new NotSupportedException($"The INT402 embedding does not write the operand {x.NodeType} ({x})."),
    };

    private static bool IsConstant(Expression x)
    {
        while (x is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } c)
        {
            x = c.Operand;
        }

        return x is ConstantExpression;
    }

    private static string Constant(Expression x)
    {
        while (x is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } c)
        {
            x = c.Operand;
        }

        return ((ConstantExpression)x).Value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            Enum member => $"{member.GetType().Name}.{member}",
            int or long or decimal => Convert.ToString(((ConstantExpression)x).Value, CultureInfo.InvariantCulture)!,
            var other => throw new NotSupportedException($"The INT402 embedding does not write the literal {other} ({other.GetType().Name})."),
        };
    }

    private static string Symbol(ExpressionType op) => op switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        _ => ">=",
    };

    private static Type Unlifted(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
