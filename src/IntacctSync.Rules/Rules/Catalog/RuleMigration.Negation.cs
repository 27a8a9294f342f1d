using System.Collections.ObjectModel;
using System.Linq.Expressions;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Whether one parsed condition is exactly the Kleene negation of another: both are brought to a normal form in which
/// <c>!</c> is pushed through <c>&amp;&amp;</c> and <c>||</c> (De Morgan, which holds in Kleene's logic) down to the
/// comparisons and the other atoms, and the two forms are compared node by node. Only rewrites that hold for every
/// value, unknown included, are made: <c>!(a == b)</c> is <c>a != b</c> (both unknown when an operand is, a comparison
/// with <c>null</c> two-valued both ways), <c>!(a &lt; b)</c> is <c>a &gt;= b</c> for integers, decimals and times (not
/// for floating point, where NaN compares false both ways), <c>x != true</c> is <c>x == false</c> for a Boolean, and
/// any other atom is negated by <c>!</c> only. Anything else is not recognized, and the caller refuses.
/// </summary>
public static partial class RuleMigration
{
    /// <summary>Whether <paramref name="negated"/> is true, false and unknown exactly where <paramref name="condition"/> is false, true and unknown.</summary>
    internal static bool IsKleeneNegation(Expression condition, Expression negated) =>
        Normal(condition, negate: true) is { } left && Normal(negated, negate: false) is { } right && Same(left, right);

    private static Formula? Normal(Expression x, bool negate)
    {
        switch (x.NodeType)
        {
            case ExpressionType.AndAlso or ExpressionType.OrElse when x is BinaryExpression { Method: null } b:
                {
                    var left = Normal(b.Left, negate);
                    var right = Normal(b.Right, negate);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    // !(a && b) is !a || !b, and dually: De Morgan's laws hold in Kleene's logic.
                    var all = (x.NodeType == ExpressionType.AndAlso) != negate;
                    var items = new List<Formula>();
                    foreach (var side in new[] { left, right })
                    {
                        if (side is Junction j && j.All == all)
                        {
                            items.AddRange(j.Items);
                        }
                        else
                        {
                            items.Add(side);
                        }
                    }

                    return new Junction(all, items);
                }

            case ExpressionType.Not when x is UnaryExpression { Method: null } u && (Nullable.GetUnderlyingType(u.Type) ?? u.Type) == typeof(bool):
                return Normal(u.Operand, !negate);

            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual when x is BinaryExpression b:
                return Compare(b, negate);

            default:
                return new Atom(x, negate);
        }
    }

    private static Compared? Compare(BinaryExpression b, bool negate)
    {
        var op = b.NodeType;
        Expression left = b.Left, right = b.Right;
        if (ConstantOf(left, out _) && !ConstantOf(right, out _))
        {
            (left, right) = (right, left);
            op = Mirror(op);
        }

        if (negate)
        {
            if (op is not (ExpressionType.Equal or ExpressionType.NotEqual) && !Ordered(left.Type))
            {
                return null;
            }

            op = Negated(op);
        }

        // A Boolean compared with a Boolean literal: x != true is x == false (both unknown when x is).
        if (op is ExpressionType.NotEqual && (Nullable.GetUnderlyingType(left.Type) ?? left.Type) == typeof(bool) && ConstantOf(right, out var value) && value is bool flag)
        {
            return new Compared(ExpressionType.Equal, left, Expression.Constant(!flag));
        }

        if (op is ExpressionType.Equal && (Nullable.GetUnderlyingType(left.Type) ?? left.Type) == typeof(bool) && ConstantOf(right, out value) && value is bool same)
        {
            return new Compared(ExpressionType.Equal, left, Expression.Constant(same));
        }

        return new Compared(op, left, right);
    }

    /// <summary>The comparison that holds where <paramref name="op"/> fails, on known values of an <see cref="Ordered"/> type.</summary>
    internal static ExpressionType Negated(ExpressionType op) => op switch
    {
        ExpressionType.Equal => ExpressionType.NotEqual,
        ExpressionType.NotEqual => ExpressionType.Equal,
        ExpressionType.LessThan => ExpressionType.GreaterThanOrEqual,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThan,
        ExpressionType.GreaterThan => ExpressionType.LessThanOrEqual,
        _ => ExpressionType.GreaterThan,
    };

    /// <summary>The comparison with its operands swapped (<c>a &lt; b</c> is <c>b &gt; a</c>).</summary>
    internal static ExpressionType Mirror(ExpressionType op) => op switch
    {
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        _ => op,
    };

    /// <summary>Types whose order is total on known values, so that <c>!(a &lt; b)</c> is <c>a &gt;= b</c>.</summary>
    internal static bool Ordered(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint)
            || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeSpan);
    }

    // A literal, possibly converted to the other operand's type (the parser lifts "true" to bool? beside a bool?).
    private static bool ConstantOf(Expression x, out object? value)
    {
        while (x is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert)
        {
            x = convert.Operand;
        }

        value = (x as ConstantExpression)?.Value;
        return x is ConstantExpression;
    }

    private static bool Same(Formula a, Formula b) => (a, b) switch
    {
        (Junction x, Junction y) => x.All == y.All && x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Same(p.First, p.Second)),
        (Compared x, Compared y) => x.Op == y.Op && Same(x.Left, y.Left, []) && SameOperand(x.Right, y.Right),
        (Atom x, Atom y) => x.Negated == y.Negated && Same(x.Expression, y.Expression, []),
        _ => false,
    };

    // Literals compare by value, whatever conversion the parser wrapped them in; everything else node by node.
    private static bool SameOperand(Expression a, Expression b) =>
        ConstantOf(a, out var x) && ConstantOf(b, out var y)
            ? Equals(x, y) && (x is not null || (Nullable.GetUnderlyingType(a.Type) ?? a.Type) == (Nullable.GetUnderlyingType(b.Type) ?? b.Type))
            : Same(a, b, []);

    // Structural equality of two parsed expressions; a node kind not handled here is never the same (the caller refuses).
    private static bool Same(Expression? a, Expression? b, Dictionary<ParameterExpression, ParameterExpression> lambdas)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.NodeType != b.NodeType || a.Type != b.Type)
        {
            return false;
        }

        return (a, b) switch
        {
            (ParameterExpression x, ParameterExpression y) => lambdas.TryGetValue(x, out var mapped) ? mapped == y : !lambdas.ContainsValue(y) && x.Name == y.Name,
            (ConstantExpression x, ConstantExpression y) => Equals(x.Value, y.Value),
            (MemberExpression x, MemberExpression y) => x.Member == y.Member && Same(x.Expression, y.Expression, lambdas),
            (UnaryExpression x, UnaryExpression y) => x.Method == y.Method && Same(x.Operand, y.Operand, lambdas),
            (BinaryExpression x, BinaryExpression y) => x.Method == y.Method && x.IsLiftedToNull == y.IsLiftedToNull && Same(x.Left, y.Left, lambdas) && Same(x.Right, y.Right, lambdas),
            (MethodCallExpression x, MethodCallExpression y) => x.Method == y.Method && Same(x.Object, y.Object, lambdas) && All(x.Arguments, y.Arguments, lambdas),
            (ConditionalExpression x, ConditionalExpression y) => Same(x.Test, y.Test, lambdas) && Same(x.IfTrue, y.IfTrue, lambdas) && Same(x.IfFalse, y.IfFalse, lambdas),
            (LambdaExpression x, LambdaExpression y) => x.Parameters.Count == y.Parameters.Count
                && x.Parameters.Zip(y.Parameters).All(p => p.First.Type == p.Second.Type)
                && Same(x.Body, y.Body, new Dictionary<ParameterExpression, ParameterExpression>(lambdas.Concat(x.Parameters.Zip(y.Parameters, KeyValuePair.Create)))),
            (NewArrayExpression x, NewArrayExpression y) => All(x.Expressions, y.Expressions, lambdas),
            (TypeBinaryExpression x, TypeBinaryExpression y) => x.TypeOperand == y.TypeOperand && Same(x.Expression, y.Expression, lambdas),
            _ => false,
        };
    }

    private static bool All(ReadOnlyCollection<Expression> a, ReadOnlyCollection<Expression> b, Dictionary<ParameterExpression, ParameterExpression> lambdas) =>
        a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second, lambdas));

    private abstract record Formula;

    // a && b && ... (All) or a || b || ...
    private sealed record Junction(bool All, List<Formula> Items) : Formula;

    private sealed record Compared(ExpressionType Op, Expression Left, Expression Right) : Formula;

    // Any other condition (a derived fact, a call, a ?:), or its negation.
    private sealed record Atom(Expression Expression, bool Negated) : Formula;
}
