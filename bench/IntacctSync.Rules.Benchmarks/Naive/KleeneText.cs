using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
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
/// <para>
/// Operands are written as a RulesEngine user would write them by hand: a chain that reads through an object the
/// evidence may lack (a member the model declares nullable, as the library's <c>ThreeValued</c> reads it) goes in
/// System.Linq.Dynamic.Core's null-propagating <c>np(...)</c>, which is <c>null</c> exactly where the library reads
/// unknown; a call on <c>d</c> or <c>e</c> is written as it stands (known, or <c>null</c> where the method says
/// unknown); <c>a ?? b</c> stays <c>a ?? b</c> over such operands, unknown only where both are.
/// </para>
/// <para>
/// The same walk without the two-valued guards (and without <c>np</c>) writes the plain Kleene negation, which the
/// library's own check (<see cref="Rules.RuleMigration"/>'s <c>IsKleeneNegation</c>, the one <c>rules migrate</c>
/// trusts) confirms before the benchmark uses it. Only the shapes the catalog uses are written (comparisons, Boolean
/// members and calls, <c>??</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>); anything else (a lambda, a call on a value
/// that may be unknown) throws <see cref="NotSupportedException"/>, so the embedding never guesses.
/// </para>
/// </remarks>
internal static class KleeneText
{
    private static readonly NullabilityInfoContext Nullability = new();

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

            case ExpressionType.MemberAccess or ExpressionType.Call or ExpressionType.Coalesce or ExpressionType.Convert when Unlifted(x.Type) == typeof(bool):
                {
                    // A Boolean value: a fact, a derived fact, a call, or a ?? whose default the author chose.
                    var (text, mayBeNull) = Value(x, twoValued);
                    if (!twoValued)
                    {
                        return value ? text : $"!({text})";
                    }

                    return mayBeNull ? $"{text} == {(value ? "true" : "false")}" : value ? text : $"!{text}";
                }

            default:
                throw new NotSupportedException($"The embedding does not rewrite {x.NodeType} ({x}); add it to KleeneText.");
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

        if (!value)
        {
            if (op is not (ExpressionType.Equal or ExpressionType.NotEqual) && !RuleMigration.Ordered(left.Type))
            {
                throw new NotSupportedException($"!(a < b) is not a >= b for {left.Type.Name} ({b}).");
            }

            op = RuleMigration.Negated(op);
        }

        var (operand, leftMayBeNull) = Value(left, twoValued);
        var (other, rightMayBeNull) = IsConstant(right) ? (Constant(right), false) : Value(right, twoValued);
        var literal = IsConstant(right) ? other : null;

        // A Boolean compared with a literal: x != false is x == true (both unknown when x is), which C# reads as is.
        if (op == ExpressionType.NotEqual && literal is "true" or "false")
        {
            return $"{operand} == {(literal == "true" ? "false" : "true")}";
        }

        var text = $"{operand} {Symbol(op)} {other}";

        // A comparison with the literal null asks whether the fact is known: two-valued both ways. Any other comparison
        // is unknown on an unknown operand; C#'s lifted ==, <, <=, >, >= with a known literal are false there already,
        // its != is true (and null == null true), so a != needs the guard, and so does an == of two unknowns.
        if (!twoValued || literal == "null")
        {
            return text;
        }

        var guards = new List<string>();
        if (op == ExpressionType.NotEqual || literal is null)
        {
            if (leftMayBeNull)
            {
                guards.Add($"{operand} != null");
            }

            if (rightMayBeNull)
            {
                guards.Add($"{other} != null");
            }
        }

        return guards.Count == 0 ? text : $"({string.Join(" && ", guards)} && {text})";
    }

    /// <summary>
    /// An operand's text, and whether it may be <c>null</c> where the library reads unknown. In the two-valued text
    /// a chain through a member the model declares nullable is wrapped in <c>np(...)</c>.
    /// </summary>
    private static (string Text, bool MayBeNull) Value(Expression x, bool twoValued)
    {
        switch (x)
        {
            case ParameterExpression p:
                return (p.Name!, false);

            case UnaryExpression { NodeType: ExpressionType.Convert, Method: null } c:
                return Value(c.Operand, twoValued);

            case ConstantExpression:
                return (Constant(x), x is ConstantExpression { Value: null });

            case MemberExpression { Expression: { } } m:
                {
                    var (chain, throughNullable) = Chain(m);
                    var mayBeNull = throughNullable || MayBeNull(m);
                    return (twoValued && throughNullable ? $"np({chain})" : chain, mayBeNull);
                }

            case MethodCallExpression { Object: { } target } call:
                {
                    var (on, targetMayBeNull) = Value(target, twoValued);
                    if (targetMayBeNull)
                    {
                        throw new NotSupportedException($"The embedding does not write a call on a value that may be unknown ({call}).");
                    }

                    var parameters = call.Method.GetParameters();
                    var arguments = new List<string>();
                    for (var i = 0; i < call.Arguments.Count; i++)
                    {
                        if (call.Arguments[i] is LambdaExpression)
                        {
                            throw new NotSupportedException($"The embedding does not write a call with a lambda ({call}).");
                        }

                        var (argument, argumentMayBeNull) = Value(call.Arguments[i], twoValued);

                        // The library makes a call unknown when a value-type argument is; a reference is passed as it is.
                        if (argumentMayBeNull && parameters[i].ParameterType.IsValueType && !IsConstant(call.Arguments[i]))
                        {
                            throw new NotSupportedException($"The embedding does not write a call whose value argument may be unknown ({call}).");
                        }

                        arguments.Add(argument);
                    }

                    var returns = call.Method.ReturnType;
                    var resultMayBeNull = returns.IsValueType
                        ? Nullable.GetUnderlyingType(returns) is not null
                        : Nullability.Create(call.Method.ReturnParameter).ReadState != NullabilityState.NotNull;
                    return ($"{on}.{call.Method.Name}({string.Join(", ", arguments)})", resultMayBeNull);
                }

            case BinaryExpression { NodeType: ExpressionType.Coalesce, Conversion: null } coalesce:
                {
                    // The default the author chose: unknown only where both sides are.
                    var (left, _) = Value(coalesce.Left, twoValued);
                    var (right, rightMayBeNull) = Value(coalesce.Right, twoValued);
                    return ($"({left} ?? {right})", rightMayBeNull);
                }

            default:
                throw new NotSupportedException($"The embedding does not write the operand {x.NodeType} ({x}).");
        }
    }

    /// <summary>A member chain's text, and whether it reads through a member that may be absent (the library's unknown).</summary>
    private static (string Text, bool ThroughNullable) Chain(MemberExpression m)
    {
        var owner = m.Expression!;
        while (owner is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } c)
        {
            owner = c.Operand;
        }

        switch (owner)
        {
            case ParameterExpression p:
                return ($"{p.Name}.{m.Member.Name}", false);
            case MemberExpression { Expression: { } } inner:
                {
                    var (text, through) = Chain(inner);
                    return ($"{text}.{m.Member.Name}", through || MayBeNull(inner));
                }

            default:
                throw new NotSupportedException($"The embedding does not write the member read {m}.");
        }
    }

    /// <summary>Whether a member's value may be <c>null</c>: a nullable value, or a reference the model does not declare non-null.</summary>
    private static bool MayBeNull(MemberExpression m) => m.Member switch
    {
        PropertyInfo property when property.PropertyType.IsValueType => Nullable.GetUnderlyingType(property.PropertyType) is not null,
        PropertyInfo property => Nullability.Create(property).ReadState != NullabilityState.NotNull,
        FieldInfo field when field.FieldType.IsValueType => Nullable.GetUnderlyingType(field.FieldType) is not null,
        FieldInfo field => Nullability.Create(field).ReadState != NullabilityState.NotNull,
        _ => true,
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
            string text => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            var other => throw new NotSupportedException($"The embedding does not write the literal {other} ({other.GetType().Name})."),
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
