using System.Collections;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The sandbox's second concern: an expression's cost must be bounded by the evidence it reads. A rule runs on
/// every document a host is sent, so a loop or a text whose size is a number written in the expression
/// (<c>Enumerable.Range(0, 2000000000)</c>, <c>"x".PadLeft(300000000)</c>, <c>new string('x', n)</c>) would hang
/// or exhaust the host on every call. The principle: a sequence that is iterated (by an aggregation, a lambda, or
/// a method that takes a sequence) must come from <c>d</c>, <c>e</c> or a lambda's element, or be written out in the
/// expression; constructs that make text or sequences of a given length, and accumulators that can grow per
/// element, are refused.
/// </summary>
internal sealed partial class ExpressionSandbox
{
    private const string FromEvidence = "aggregations and lambdas may only go over collections read from d or e (or a literal list)";

    // Sequences whose length is a number in the expression. Enumerable.Sequence and InfiniteSequence are .NET 10's.
    private static readonly HashSet<string> Generators = new(StringComparer.Ordinal) { "Range", "Repeat", "Sequence", "InfiniteSequence" };

    private void CheckCost(MethodCallExpression node)
    {
        var method = node.Method;
        var type = method.DeclaringType;
        if (type == typeof(Enumerable) && Generators.Contains(method.Name))
        {
            Refuse($"Enumerable.{method.Name}(...) is not allowed: it makes a sequence whose length is a number in the expression, "
                + $"not something the evidence holds, so its cost has no bound; {FromEvidence}");
            return;
        }

        if (type == typeof(Enumerable) && method.Name == nameof(Enumerable.Aggregate))
        {
            Refuse("Enumerable.Aggregate(...) is not allowed: its accumulator can grow with every element (a text that doubles each time), "
                + "so its cost is not bounded by the evidence; use Count, Sum, Min, Max, Any or All");
            return;
        }

        if (type == typeof(string) && method.Name is nameof(string.PadLeft) or nameof(string.PadRight))
        {
            Refuse($"String.{method.Name}(...) is not allowed: it makes a text as long as the number it is given, not bounded by the evidence; "
                + "compare the text itself (Length, StartsWith, Trim ...)");
            return;
        }

        if (type == typeof(string) && method.Name == nameof(string.Replace) && !ShrinkingReplace(node))
        {
            Refuse("String.Replace(...) is not allowed here: a replacement that is not a text literal, or is longer than the literal it "
                + "replaces, can multiply the text's length; compare with Contains or IndexOf, or replace a literal with one no longer");
            return;
        }

        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length && i < node.Arguments.Count; i++)
        {
            var parameter = parameters[i];
            var argument = node.Arguments[i];
            var bounded = parameter.Name == "format" || (method.Name == nameof(string.Join) && parameter.Name == "separator");
            if (bounded && parameter.ParameterType == typeof(string) && !BoundedLiteral(argument))
            {
                Refuse($"{Describe(method)} with this {parameter.Name} is not allowed: a {parameter.Name} that is not a text literal, or that has a "
                    + $"number of 3 or more digits (a width or precision), can make a text of any length; write it as a literal with numbers under 100");
                return;
            }

            if (IsSequence(parameter.ParameterType) && !Rooted(argument))
            {
                Refuse($"{Describe(method)} over {Source(argument)} is not allowed: that sequence does not come from the evidence; {FromEvidence}");
                return;
            }

            if (argument is LambdaExpression lambda && IsSequence(lambda.ReturnType) && !Rooted(lambda.Body))
            {
                Refuse($"{Describe(method)} with a lambda that makes {Source(lambda.Body)} is not allowed: that sequence does not come from the evidence; {FromEvidence}");
                return;
            }
        }
    }

    private void CheckCost(NewExpression node)
    {
        if (node.Type == typeof(string))
        {
            Refuse("new String(...) is not allowed: it makes a text of a length given in the expression, not bounded by the evidence; "
                + "compare the texts of d and e instead");
        }
        else if (IsSequence(node.Type))
        {
            Refuse($"new {TypeName(node.Type)}(...) is not allowed: a collection built in the expression can be given any capacity; "
                + "read the collections of d or e instead");
        }
    }

    private void CheckCost(NewArrayExpression node)
    {
        if (node.NodeType == ExpressionType.NewArrayBounds)
        {
            Refuse($"new {node.Type.GetElementType()!.Name}[n] is not allowed: it makes an array of a length given in the expression, not bounded "
                + "by the evidence; read the collections of d or e, or list the elements");
        }
    }

    /// <summary>
    /// Whether <paramref name="node"/> comes from the evidence or the expression's own text: a parameter (<c>d</c>,
    /// <c>e</c>, a lambda's element), a literal, a listed array, or a member, instance method or extension method of one.
    /// </summary>
    /// <remarks>Recursive over a member chain, whose length <see cref="ExpressionLimits"/> has bounded.</remarks>
    private static bool Rooted(Expression node) => node switch
    {
        ParameterExpression or ConstantExpression or DefaultExpression => true,
        NewArrayExpression array => array.NodeType == ExpressionType.NewArrayInit,
        MemberExpression member => member.Expression is { } owner && Rooted(owner),
        MethodCallExpression call => call.Object is { } target
            ? Rooted(target)
            : call.Method.IsDefined(typeof(ExtensionAttribute), inherit: false) && call.Arguments.Count > 0 && Rooted(call.Arguments[0]),
        UnaryExpression unary => unary.Operand is { } operand && Rooted(operand),
        ConditionalExpression conditional => Rooted(conditional.IfTrue) && Rooted(conditional.IfFalse),
        BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce => Rooted(coalesce.Left) && Rooted(coalesce.Right),
        BinaryExpression { NodeType: ExpressionType.ArrayIndex } index => Rooted(index.Left),
        IndexExpression index => index.Object is { } indexed && Rooted(indexed),
        _ => false,
    };

    private static bool IsSequence(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static string Source(Expression node) => node switch
    {
        MethodCallExpression call => Describe(call.Method),
        NewExpression created => $"new {TypeName(created.Type)}(...)",
        _ => $"a {node.NodeType} of {TypeName(node.Type)}",
    };

    private static string TypeName(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    // A literal whose digit runs are at most 2 long: "{0,5}", "N2", "yyyy-MM-dd"; never "D999999999" or "{0,300000000}".
    private static bool BoundedLiteral(Expression argument)
    {
        if (argument is not ConstantExpression { Value: var value } || value is not (string or null))
        {
            return false;
        }

        var run = 0;
        foreach (var c in (string?)value ?? string.Empty)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run > 2)
            {
                return false;
            }
        }

        return true;
    }

    // Replace(char, char) keeps the length; Replace(old, new) with literals only when new is no longer than old.
    private static bool ShrinkingReplace(MethodCallExpression node) =>
        node.Arguments.Count >= 2 && node.Arguments[0].Type == typeof(char)
        || node.Arguments is [ConstantExpression { Value: string { Length: > 0 } old }, ConstantExpression { Value: string or null } replacement, ..]
            && ((string?)replacement.Value ?? string.Empty).Length <= old.Length;
}
