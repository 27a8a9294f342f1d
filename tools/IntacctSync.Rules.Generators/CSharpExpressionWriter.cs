using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace IntacctSync.Rules.Generators;

/// <summary>
/// Writes a parsed rule expression as C# that means the same thing: the generator of
/// <c>GeneratedConditions.g.cs</c>. It covers the node kinds the expression parser produces for rules and
/// throws <see cref="NotSupportedException"/>, naming the node, for anything else, so a construct it does not
/// know is never written approximately. Every operand is parenthesized and every type is written in full
/// (<c>global::</c>), so precedence and name lookup cannot change the meaning.
/// </summary>
internal sealed class CSharpExpressionWriter
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<ParameterExpression, string> _names;
    private int _lambdaParameters;
    private int _temporaries;

    private CSharpExpressionWriter(Dictionary<ParameterExpression, string> names)
    {
        _names = names;
    }

    /// <summary>The C# of <paramref name="body"/>, where each of <paramref name="names"/> is written as its name.</summary>
    public static string Write(Expression body, IReadOnlyDictionary<ParameterExpression, string> names)
    {
        var writer = new CSharpExpressionWriter(new Dictionary<ParameterExpression, string>(names));
        writer.Visit(body);
        return writer._text.ToString();
    }

    /// <summary>A type as C# source, fully qualified.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsGenericParameter || type.IsPointer || type.IsByRef || type.IsDefined(typeof(CompilerGeneratedAttribute), false)
            || type.Name.Contains('<', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"type {type} cannot be written as C#");
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : "global::" + type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        // A nested type of a generic type carries its parent's arguments too; none of the evidence model's types is one.
        if (type.IsNested && type.DeclaringType!.IsGenericType)
        {
            throw new NotSupportedException($"type {type} (nested in a generic type) cannot be written as C#");
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private void Visit(Expression node)
    {
        switch (node)
        {
            case ParameterExpression parameter:
                _text.Append(_names.TryGetValue(parameter, out var name)
                    ? name
                    : throw new NotSupportedException($"parameter {parameter.Name} is not in scope"));
                break;
            case ConstantExpression constant:
                Constant(constant.Value, constant.Type);
                break;
            case MemberExpression member:
                Member(member);
                break;
            case MethodCallExpression call:
                Call(call);
                break;
            case BinaryExpression binary:
                Binary(binary);
                break;
            case UnaryExpression unary:
                Unary(unary);
                break;
            case ConditionalExpression conditional:
                _text.Append('(');
                Visit(conditional.Test);
                _text.Append(" ? ");
                Cast(conditional.Type, conditional.IfTrue);
                _text.Append(" : ");
                Cast(conditional.Type, conditional.IfFalse);
                _text.Append(')');
                break;
            case LambdaExpression lambda:
                Lambda(lambda);
                break;
            case BlockExpression { Variables: [var variable], Expressions: [BinaryExpression { NodeType: ExpressionType.Assign } assign, var result] }
                when assign.Left == variable:
                // A temporary bound once (what ThreeValued writes to evaluate a value once): a switch with a
                // var pattern is C#'s let.
                var temporary = "t" + _temporaries++.ToString(CultureInfo.InvariantCulture);
                _names.Add(variable, temporary);
                _text.Append("((");
                Cast(variable.Type, assign.Right);
                _text.Append(") switch { var ").Append(temporary).Append(" => ");
                Cast(result.Type, result);
                _text.Append(" })");
                break;
            case TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs:
                _text.Append('(');
                Visit(typeIs.Expression);
                _text.Append(" is ").Append(TypeName(typeIs.TypeOperand)).Append(')');
                break;
            case NewExpression { Members: null } created:
                _text.Append("new ").Append(TypeName(created.Type)).Append('(');
                Arguments(created.Arguments);
                _text.Append(')');
                break;
            case NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array:
                _text.Append("new ").Append(TypeName(array.Type.GetElementType()!)).Append("[] { ");
                Arguments(array.Expressions);
                _text.Append(" }");
                break;
            case IndexExpression { Indexer: not null } index when index.Object is not null:
                Operand(index.Object);
                _text.Append('[');
                Arguments(index.Arguments);
                _text.Append(']');
                break;
            case DefaultExpression defaulted when defaulted.Type != typeof(void):
                _text.Append("default(").Append(TypeName(defaulted.Type)).Append(')');
                break;
            default:
                throw new NotSupportedException($"a {node.NodeType} expression ({node.GetType().Name}) cannot be written as C#: {node}");
        }
    }

    private void Operand(Expression node)
    {
        // Member access binds tighter than any operator, so a name, member or call needs no parentheses.
        if (node is ParameterExpression or MemberExpression or MethodCallExpression)
        {
            Visit(node);
            return;
        }

        _text.Append('(');
        Visit(node);
        _text.Append(')');
    }

    private void Cast(Type type, Expression node)
    {
        if (node.Type == type)
        {
            Visit(node);
            return;
        }

        _text.Append("((").Append(TypeName(type)).Append(")(");
        Visit(node);
        _text.Append("))");
    }

    private void Arguments(System.Collections.ObjectModel.ReadOnlyCollection<Expression> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            _text.Append(i == 0 ? string.Empty : ", ");
            Visit(arguments[i]);
        }
    }

    private void Constant(object? value, Type type)
    {
        if (value is null)
        {
            _text.Append("default(").Append(TypeName(type)).Append(')');
            return;
        }

        var literal = value switch
        {
            string text => StringLiteral(text),
            bool flag => flag ? "true" : "false",
            Enum member => EnumLiteral(member),
            int number => number.ToString(CultureInfo.InvariantCulture),
            long number => number.ToString(CultureInfo.InvariantCulture) + "L",
            decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
            double number when double.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture) + "d",
            char character => "'\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture) + "'",
            _ => throw new NotSupportedException($"a constant of type {value.GetType()} ({value}) cannot be written as C#"),
        };

        // A constant typed wider than its value (an int typed int?, an enum typed object) keeps its type.
        _text.Append(value.GetType() == type ? literal : "((" + TypeName(type) + ")(" + literal + "))");
    }

    private static string EnumLiteral(Enum member)
    {
        var type = member.GetType();
        var name = Enum.GetName(type, member);
        return name is not null && !type.IsDefined(typeof(FlagsAttribute), false)
            ? TypeName(type) + "." + name
            : "((" + TypeName(type) + ")(" + Convert.ToInt64(member, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "))";
    }

    /// <summary>A C# string literal of <paramref name="text"/> (ASCII only; anything else escaped).</summary>
    public static string StringLiteral(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                _ when c < ' ' || c > '~' => literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }

    private void Member(MemberExpression member)
    {
        if (member.Member is not (PropertyInfo or FieldInfo))
        {
            throw new NotSupportedException($"member {member.Member} cannot be written as C#");
        }

        if (member.Expression is null)
        {
            _text.Append(TypeName(member.Member.DeclaringType!));
        }
        else
        {
            Operand(member.Expression);
        }

        _text.Append('.').Append(member.Member.Name);
    }

    private void Call(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"method {method} takes a reference and cannot be written as C#");
        }

        if (method.IsSpecialName)
        {
            if (method.Name == "get_Item" && call.Object is not null)
            {
                Operand(call.Object);
                _text.Append('[');
                Arguments(call.Arguments);
                _text.Append(']');
                return;
            }

            throw new NotSupportedException($"special method {method} cannot be written as C#");
        }

        if (call.Object is null)
        {
            _text.Append(TypeName(method.DeclaringType!));
        }
        else
        {
            Operand(call.Object);
        }

        _text.Append('.').Append(method.Name);
        if (method.IsGenericMethod)
        {
            _text.Append('<').Append(string.Join(", ", method.GetGenericArguments().Select(TypeName))).Append('>');
        }

        _text.Append('(');
        var parameters = method.GetParameters();
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            _text.Append(i == 0 ? string.Empty : ", ");
            // An argument of another type than its parameter is cast to it, so overload resolution picks this very method.
            if (call.Arguments[i] is LambdaExpression)
            {
                Visit(call.Arguments[i]);
            }
            else
            {
                Cast(parameters[i].ParameterType, call.Arguments[i]);
            }
        }

        _text.Append(')');
    }

    private void Lambda(LambdaExpression lambda)
    {
        // Not "static": a lambda may read d or e. One that does not is cached by the compiler all the same.
        _text.Append('(');
        for (var i = 0; i < lambda.Parameters.Count; i++)
        {
            var parameter = lambda.Parameters[i];
            var name = "p" + _lambdaParameters++.ToString(CultureInfo.InvariantCulture);
            _names.Add(parameter, name);
            _text.Append(i == 0 ? string.Empty : ", ").Append(TypeName(parameter.Type)).Append(' ').Append(name);
        }

        _text.Append(") => ");
        Cast(lambda.ReturnType, lambda.Body);
    }

    private void Binary(BinaryExpression binary)
    {
        if (binary.NodeType == ExpressionType.ArrayIndex)
        {
            Operand(binary.Left);
            _text.Append('[');
            Visit(binary.Right);
            _text.Append(']');
            return;
        }

        if (binary.Conversion is not null)
        {
            throw new NotSupportedException($"a coalescing conversion cannot be written as C#: {binary}");
        }

        // A method that is not an operator (string.Concat for +, string.Compare for <) is called as written.
        if (binary.Method is { } method && !method.Name.StartsWith("op_", StringComparison.Ordinal))
        {
            _text.Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name).Append('(');
            Cast(method.GetParameters()[0].ParameterType, binary.Left);
            _text.Append(", ");
            Cast(method.GetParameters()[1].ParameterType, binary.Right);
            _text.Append(')');
            return;
        }

        var liftedLogic = binary.NodeType is ExpressionType.AndAlso or ExpressionType.OrElse && binary.Type != typeof(bool);
        if (liftedLogic || (binary.IsLiftedToNull && binary.Type == typeof(bool?) && IsComparison(binary.NodeType)))
        {
            throw new NotSupportedException($"a lifted {binary.NodeType} on {binary.Type} has no C# operator: {binary}");
        }

        // Without an operator method, == on reference types compares references; say so explicitly.
        if (binary.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && binary.Method is null
            && !binary.Left.Type.IsValueType && !binary.Right.Type.IsValueType)
        {
            _text.Append(binary.NodeType == ExpressionType.Equal ? "global::System.Object.ReferenceEquals(" : "!global::System.Object.ReferenceEquals(");
            Visit(binary.Left);
            _text.Append(", ");
            Visit(binary.Right);
            _text.Append(')');
            return;
        }

        var op = binary.NodeType switch
        {
            ExpressionType.Add or ExpressionType.AddChecked => "+",
            ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
            ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
            ExpressionType.Divide => "/",
            ExpressionType.Modulo => "%",
            ExpressionType.And => "&",
            ExpressionType.Or => "|",
            ExpressionType.ExclusiveOr => "^",
            ExpressionType.AndAlso => "&&",
            ExpressionType.OrElse => "||",
            ExpressionType.Equal => "==",
            ExpressionType.NotEqual => "!=",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            ExpressionType.Coalesce => "??",
            _ => throw new NotSupportedException($"a {binary.NodeType} expression cannot be written as C#: {binary}"),
        };

        var isChecked = binary.NodeType is ExpressionType.AddChecked or ExpressionType.SubtractChecked or ExpressionType.MultiplyChecked;
        _text.Append(isChecked ? "checked(" : "(");
        Operand(binary.Left);
        _text.Append(' ').Append(op).Append(' ');
        Operand(binary.Right);
        _text.Append(')');
    }

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.NotEqual
        or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;

    private void Unary(UnaryExpression unary)
    {
        switch (unary.NodeType)
        {
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                _text.Append(unary.NodeType == ExpressionType.ConvertChecked ? "checked" : string.Empty);
                Cast(unary.Type, unary.Operand);
                return;
            case ExpressionType.TypeAs:
                _text.Append('(');
                Operand(unary.Operand);
                _text.Append(" as ").Append(TypeName(unary.Type)).Append(')');
                return;
            case ExpressionType.ArrayLength:
                Operand(unary.Operand);
                _text.Append(".Length");
                return;
            case ExpressionType.Not:
                _text.Append(unary.Type == typeof(bool) || unary.Type == typeof(bool?) ? "(!" : "(~");
                Operand(unary.Operand);
                _text.Append(')');
                return;
            case ExpressionType.Negate or ExpressionType.NegateChecked:
                _text.Append(unary.NodeType == ExpressionType.NegateChecked ? "checked(-" : "(-");
                Operand(unary.Operand);
                _text.Append(')');
                return;
            case ExpressionType.UnaryPlus:
                _text.Append("(+");
                Operand(unary.Operand);
                _text.Append(')');
                return;
            default:
                throw new NotSupportedException($"a {unary.NodeType} expression cannot be written as C#: {unary}");
        }
    }
}
