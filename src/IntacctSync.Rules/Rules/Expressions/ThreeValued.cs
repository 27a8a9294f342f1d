using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Rewrites a parsed rule expression so that it obeys the evidence contract's first rule, <b>absent means
/// unknown</b>, whatever the author wrote:
/// <list type="bullet">
/// <item>Reading through an absent object or list gives unknown (<c>null</c>), never a
/// <see cref="NullReferenceException"/>: <c>e.Evidence.Workspace.Coding.BillableEnabled</c> is unknown when
/// <c>workspace</c> or <c>coding</c> is absent. Which references may be absent is read from the model's
/// nullable annotations, so <c>d</c>, <c>e</c> and members declared non-nullable are not checked.</item>
/// <item>A comparison with an unknown operand is unknown (<c>null != false</c> is unknown, not true); a
/// comparison with the literal <c>null</c> stays two-valued, since it asks whether a fact is known.</item>
/// <item><c>&amp;&amp;</c>, <c>||</c> and <c>!</c> follow Kleene's logic (<see cref="Kleene"/>), and still
/// short-circuit: the right operand is not evaluated once the left one decides.</item>
/// <item>A call on, or with, an unknown value is unknown (<c>e.Evidence.ApiErrors.Any(...)</c> with no
/// <c>apiErrors</c>); inside a lambda passed to a collection method (<c>Any(a =&gt; ...)</c>) an unknown
/// predicate counts as false, since the method needs a yes or no.</item>
/// </list>
/// The result is a <see cref="bool"/>? condition (or a value of the lifted type). The output uses only
/// nodes that <c>CSharpExpressionWriter</c> can print, so the generated C# of the built-in rules has the
/// same semantics. One instance per expression: not thread-safe.
/// </summary>
internal sealed class ThreeValued
{
    private static readonly ConstantExpression False = Expression.Constant(false, typeof(bool?));
    private static readonly ConstantExpression True = Expression.Constant(true, typeof(bool?));
    private static readonly MethodInfo AndMethod = typeof(Kleene).GetMethod(nameof(Kleene.And))!;
    private static readonly MethodInfo OrMethod = typeof(Kleene).GetMethod(nameof(Kleene.Or))!;
    private static readonly MethodInfo NotMethod = typeof(Kleene).GetMethod(nameof(Kleene.Not))!;
    private static readonly MethodInfo IsTrueMethod = typeof(Kleene).GetMethod(nameof(Kleene.IsTrue))!;
    private static readonly MethodInfo IsFalseMethod = typeof(Kleene).GetMethod(nameof(Kleene.IsFalse))!;

    private readonly NullabilityInfoContext _nullability = new();
    private int _temporaries;

    private ThreeValued()
    {
    }

    /// <summary>A condition's body, rewritten and typed <see cref="bool"/>? (<c>null</c> = unknown).</summary>
    public static Expression Condition(Expression body)
    {
        var rewritten = new ThreeValued().Rewrite(body);
        if (rewritten.Type == typeof(bool?))
        {
            return rewritten;
        }

        if (rewritten.Type == typeof(bool))
        {
            return Expression.Convert(rewritten, typeof(bool?));
        }

        throw new InvalidOperationException($"a condition must be true or false, but this one is of type {body.Type.Name}");
    }

    /// <summary>A value expression's body, rewritten: its type is the original one, lifted to nullable when it is a value type.</summary>
    public static Expression Value(Expression body) => new ThreeValued().Rewrite(body);

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static bool CanBeNull(Type type) => !type.IsValueType || IsNullable(type);

    private static Type Lift(Type type) => type.IsValueType && !IsNullable(type) && type != typeof(void)
        ? NullableOf(type)
        : type;

    // Under Native AOT, Nullable<T> is only there for a T that compiled code uses; the evidence model's own values are.
    private static Type NullableOf(Type type)
    {
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            return typeof(Nullable<>).MakeGenericType(type);
        }

        return Array.Find(AheadOfTimeNullables, n => Nullable.GetUnderlyingType(n) == type)
            ?? throw new InvalidOperationException($"a value of type {type.Name} cannot be unknown in a Native AOT build; compare it in the expression (== != < >) or read a nullable member instead");
    }

    private static readonly Type[] AheadOfTimeNullables =
    [
        typeof(bool?), typeof(char?), typeof(int?), typeof(long?), typeof(double?), typeof(decimal?),
        typeof(DateTime?), typeof(DateTimeOffset?), typeof(DateOnly?), typeof(TimeSpan?),
        typeof(Evidence.SyncLevel?), typeof(Evidence.SyncOperation?), typeof(Evidence.SyncOutcome?), typeof(Evidence.DimensionImport?),
        typeof(Evidence.ObjectRight?), typeof(Evidence.ModuleAccess?), typeof(Evidence.PermissionModel?), typeof(Evidence.ApiErrorLevel?),
        typeof(Evidence.ApiResultStatus?), typeof(Evidence.IntacctApi?), typeof(Evidence.ReimbursableExport?),
        typeof(Evidence.NonReimbursableExport?), typeof(Evidence.ExportDateSource?),
    ];

    // Nullable<T>'s HasValue and Value: the type is a Nullable<T> (IsNullable), whose public properties the DynamicDependency keeps for every T.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(Nullable<>))]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The type is a Nullable<T>, whose public properties the DynamicDependency keeps.")]
    private static MemberExpression NullableProperty(Expression node, string name) =>
        Expression.Property(node, node.Type.GetProperty(name)!);

    private static Expression Lifted(Expression node) => node.Type == Lift(node.Type) ? node : Expression.Convert(node, Lift(node.Type));

    /// <summary>The value of a nullable known not to be null; a constant lifted by the parser is taken as it was.</summary>
    private static Expression Unwrapped(Expression node)
    {
        if (!IsNullable(node.Type))
        {
            return node;
        }

        if (node is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert && convert.Operand.Type == Nullable.GetUnderlyingType(node.Type))
        {
            return convert.Operand;
        }

        return NullableProperty(node, nameof(Nullable<int>.Value));
    }

    private static bool IsNullConstant(Expression node)
    {
        while (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } convert)
        {
            node = convert.Operand;
        }

        return node is ConstantExpression { Value: null } or DefaultExpression;
    }

    private static Expression IsNull(Expression node) => node.Type.IsValueType
        ? Expression.Not(NullableProperty(node, nameof(Nullable<int>.HasValue)))
        : Expression.ReferenceEqual(node, Expression.Constant(null, node.Type));

    private static Expression AnyNull(List<Expression> nodes)
    {
        var test = IsNull(nodes[0]);
        for (var i = 1; i < nodes.Count; i++)
        {
            test = Expression.OrElse(test, IsNull(nodes[i]));
        }

        return test;
    }

    /// <summary>Whether a rewritten expression can evaluate to <c>null</c>.</summary>
    private bool MayBeNull(Expression node)
    {
        if (!CanBeNull(node.Type))
        {
            return false;
        }

        switch (node)
        {
            case ConstantExpression constant:
                return constant.Value is null;
            case ParameterExpression:
                // d, e and a lambda's element: the subject kinds and the evidence reader never hand out null.
                return false;
            case UnaryExpression { NodeType: ExpressionType.Convert } convert when IsNullable(node.Type) && !CanBeNull(convert.Operand.Type):
                return false;
            case NewExpression or NewArrayExpression or LambdaExpression:
                return false;
            case MemberExpression { Member: PropertyInfo property } when !property.PropertyType.IsValueType:
                return _nullability.Create(property).ReadState != NullabilityState.NotNull;
            case MemberExpression { Member: FieldInfo field } when !field.FieldType.IsValueType:
                return _nullability.Create(field).ReadState != NullabilityState.NotNull;
            case MethodCallExpression call when !call.Method.ReturnType.IsValueType:
                return _nullability.Create(call.Method.ReturnParameter).ReadState != NullabilityState.NotNull;
            default:
                return true;
        }
    }

    /// <summary>
    /// <paramref name="build"/> applied to <paramref name="values"/> once none of those that may be null is:
    /// each is evaluated once, into a temporary, and the result is unknown (<c>default</c> of the lifted type)
    /// when one of them is null. <paramref name="build"/> receives the values unwrapped from their nullable.
    /// </summary>
    private Expression Guarded(List<Expression> values, Func<Expression[], Expression> build)
    {
        var temporaries = new List<ParameterExpression>();
        var assignments = new List<Expression>();
        var checkedValues = new List<Expression>();
        var operands = new Expression[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!MayBeNull(value))
            {
                operands[i] = Unwrapped(value);
                continue;
            }

            var temporary = value as ParameterExpression;
            if (temporary is null)
            {
                temporary = Expression.Variable(value.Type, "t" + _temporaries++);
                temporaries.Add(temporary);
                assignments.Add(Expression.Assign(temporary, value));
            }

            checkedValues.Add(temporary);
            operands[i] = Unwrapped(temporary);
        }

        var result = build(operands);
        if (checkedValues.Count == 0)
        {
            return result;
        }

        var type = Lift(result.Type);
        Expression guarded = Expression.Condition(AnyNull(checkedValues), Expression.Default(type), Lifted(result), type);

        // One temporary per block (printed as a C# switch with a var pattern); nested from the last to the first.
        for (var i = temporaries.Count - 1; i >= 0; i--)
        {
            guarded = Expression.Block(guarded.Type, [temporaries[i]], assignments[i], guarded);
        }

        return guarded;
    }

    /// <summary>Binds <paramref name="value"/> to a temporary (unless it is one already) for <paramref name="body"/>.</summary>
    private Expression Let(Expression value, Func<Expression, Expression> body)
    {
        if (value is ParameterExpression or ConstantExpression)
        {
            return body(value);
        }

        var temporary = Expression.Variable(value.Type, "t" + _temporaries++);
        var result = body(temporary);
        return Expression.Block(result.Type, [temporary], Expression.Assign(temporary, value), result);
    }

    private Expression Rewrite(Expression node) => node switch
    {
        ParameterExpression or ConstantExpression or DefaultExpression => node,
        MemberExpression member => Member(member),
        MethodCallExpression call => Call(call),
        BinaryExpression binary => Binary(binary),
        UnaryExpression unary => Unary(unary),
        ConditionalExpression conditional => Conditional(conditional),
        LambdaExpression lambda => Lambda(lambda),
        TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs => Expression.TypeIs(Rewrite(typeIs.Expression), typeIs.TypeOperand),
        NewExpression { Constructor: { } constructor, Members: null } created =>
            Guarded([.. created.Arguments.Select(Rewrite)], args => Expression.New(constructor, Restore(args, constructor.GetParameters()))),
        NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array =>
            array.Update(array.Expressions.Select(e => Restored(Rewrite(e), e.Type))),

        // Anything else keeps C#'s own semantics.
        _ => node,
    };

    /// <summary>A rewritten value back at its original type where the parser needs it (an element of an array).</summary>
    private static Expression Restored(Expression rewritten, Type original) =>
        rewritten.Type == original ? rewritten : Expression.Convert(rewritten, original);

    private static Expression[] Restore(Expression[] args, ParameterInfo[] parameters)
    {
        var restored = new Expression[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            restored[i] = Restored(args[i], parameters[i].ParameterType);
        }

        return restored;
    }

    private Expression Member(MemberExpression member)
    {
        if (member.Expression is null)
        {
            return member;
        }

        var receiver = Rewrite(member.Expression);
        if (IsNullable(member.Expression.Type))
        {
            // x.Value is x itself (unknown when x is); x.HasValue asks whether x is known.
            return member.Member.Name switch
            {
                nameof(Nullable<int>.Value) => receiver,
                nameof(Nullable<int>.HasValue) => Expression.Not(IsNull(receiver)),
                _ => member,
            };
        }

        return Guarded([receiver], r => Expression.MakeMemberAccess(r[0], member.Member));
    }

    private Expression Call(MethodCallExpression call)
    {
        var method = call.Method;
        if (call.Object is { } instance && IsNullable(instance.Type))
        {
            // GetValueOrDefault and its kind: the author chose what unknown means.
            return Expression.Call(Rewrite(instance), method, call.Arguments.Select(Rewrite).Select((a, i) => Restored(a, call.Arguments[i].Type)));
        }

        var parameters = method.GetParameters();
        var extension = call.Object is null && method.IsDefined(typeof(ExtensionAttribute), false);
        var guarded = new List<Expression>();
        var positions = new List<int>();
        var arguments = new Expression[call.Arguments.Count];
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var original = call.Arguments[i];
            var rewritten = Rewrite(original);

            // An argument that became nullable, or the collection an extension method reads, is required:
            // the call is unknown when it is.
            if (rewritten.Type != original.Type || (extension && i == 0 && MayBeNull(rewritten)))
            {
                positions.Add(i);
                guarded.Add(rewritten);
            }

            arguments[i] = rewritten;
        }

        if (call.Object is { } receiver)
        {
            guarded.Insert(0, Rewrite(receiver));
        }

        return Guarded(guarded, values =>
        {
            var offset = call.Object is null ? 0 : 1;
            var args = (Expression[])arguments.Clone();
            for (var p = 0; p < positions.Count; p++)
            {
                args[positions[p]] = values[p + offset];
            }

            for (var i = 0; i < args.Length; i++)
            {
                if (args[i].Type != parameters[i].ParameterType && !parameters[i].ParameterType.IsAssignableFrom(args[i].Type))
                {
                    args[i] = Expression.Convert(args[i], parameters[i].ParameterType);
                }
            }

            return call.Object is null ? Expression.Call(method, args) : Expression.Call(values[0], method, args);
        });
    }

    private LambdaExpression Lambda(LambdaExpression lambda)
    {
        var body = Rewrite(lambda.Body);
        if (body.Type != lambda.ReturnType)
        {
            // A predicate needs a yes or no: unknown counts as no. Another value type read as unknown cannot be
            // given to the method at all: it fails there, and the rule's finding for the subject is a fault.
            body = lambda.ReturnType == typeof(bool) && body.Type == typeof(bool?)
                ? Expression.Call(IsTrueMethod, body)
                : Expression.Convert(body, lambda.ReturnType);
        }

        return Expression.Lambda(lambda.Type, body, lambda.Parameters);
    }

    private Expression Binary(BinaryExpression binary)
    {
        switch (binary.NodeType)
        {
            case ExpressionType.AndAlso or ExpressionType.OrElse:
                return Logic(binary.NodeType == ExpressionType.AndAlso, Rewrite(binary.Left), Rewrite(binary.Right));
            case ExpressionType.And or ExpressionType.Or when binary.Left.Type == typeof(bool) || binary.Left.Type == typeof(bool?):
                return Logic(binary.NodeType == ExpressionType.And, Rewrite(binary.Left), Rewrite(binary.Right));
            case ExpressionType.Equal or ExpressionType.NotEqual when IsNullConstant(binary.Left) || IsNullConstant(binary.Right):
                {
                    // "Is this fact known?": two-valued by design.
                    var other = Rewrite(IsNullConstant(binary.Left) ? binary.Right : binary.Left);
                    if (!CanBeNull(other.Type))
                    {
                        return Expression.Constant(binary.NodeType == ExpressionType.NotEqual);
                    }

                    var isNull = IsNull(other);
                    return binary.NodeType == ExpressionType.Equal ? isNull : Expression.Not(isNull);
                }

            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual:
                {
                    var left = Rewrite(binary.Left);
                    var right = Rewrite(binary.Right);
                    return Guarded([left, right], v =>
                    {
                        var (l, r) = SameType(v[0], v[1]);
                        return Expression.MakeBinary(binary.NodeType, l, r, liftToNull: false, Operator(binary.Method, l.Type));
                    });
                }

            case ExpressionType.Coalesce when binary.Conversion is null:
                {
                    // A default that became nullable makes the whole nullable: unknown ?? unknown is unknown.
                    var left = Rewrite(binary.Left);
                    var right = Rewrite(binary.Right);
                    return right.Type == binary.Right.Type ? Expression.Coalesce(left, right) : Expression.Coalesce(Lifted(left), Lifted(right));
                }

            case ExpressionType.ArrayIndex:
                return Guarded([Rewrite(binary.Left), Rewrite(binary.Right)], v => Expression.ArrayIndex(v[0], v[1]));
            case ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
                or ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr when binary.Conversion is null:
                {
                    var left = Rewrite(binary.Left);
                    var right = Rewrite(binary.Right);
                    if (left.Type == binary.Left.Type && right.Type == binary.Right.Type)
                    {
                        return Expression.MakeBinary(binary.NodeType, left, right, binary.IsLiftedToNull, binary.Method);
                    }

                    // Text joined with an unknown part stays as C# makes it; numbers become unknown.
                    if (binary.Method is { } method && !method.Name.StartsWith("op_", StringComparison.Ordinal))
                    {
                        return Expression.MakeBinary(binary.NodeType, Restored(left, binary.Left.Type), Restored(right, binary.Right.Type), binary.IsLiftedToNull, method);
                    }

                    return Guarded([left, right], v =>
                    {
                        var (l, r) = SameType(v[0], v[1]);
                        return Expression.MakeBinary(binary.NodeType, l, r, liftToNull: false, Operator(binary.Method, l.Type));
                    });
                }

            default:
                return binary;
        }
    }

    /// <summary>An operator method that takes the unwrapped operands, or none (the built-in operator).</summary>
    private static MethodInfo? Operator(MethodInfo? method, Type operand) =>
        method is not null && method.GetParameters() is [var first, ..] && first.ParameterType.IsAssignableFrom(operand) ? method : null;

    /// <summary>Two unwrapped operands brought to one type, as the parser had them before lifting (an int and an int? constant).</summary>
    private static (Expression Left, Expression Right) SameType(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        var l = Unwrapped(left);
        var r = Unwrapped(right);
        if (l.Type == r.Type)
        {
            return (l, r);
        }

        // A value type against a reference (an enum against object, say) keeps the parser's conversion.
        return r.Type.IsAssignableFrom(l.Type) ? (Expression.Convert(l, r.Type), r) : (l, Expression.Convert(r, l.Type));
    }

    private Expression Logic(bool and, Expression left, Expression right)
    {
        if (left.Type == typeof(bool) && right.Type == typeof(bool))
        {
            return and ? Expression.AndAlso(left, right) : Expression.OrElse(left, right);
        }

        var decides = and ? False : True;
        var isDecided = and ? IsFalseMethod : IsTrueMethod;
        if (left.Type == typeof(bool))
        {
            return and
                ? Expression.Condition(left, Lifted(right), False, typeof(bool?))
                : Expression.Condition(left, True, Lifted(right), typeof(bool?));
        }

        // The left operand, once: when it decides, the right one is not evaluated.
        return Let(left, l => Expression.Condition(
            Expression.Call(isDecided, l),
            decides,
            Expression.Call(and ? AndMethod : OrMethod, l, Lifted(right)),
            typeof(bool?)));
    }

    private Expression Unary(UnaryExpression unary)
    {
        switch (unary.NodeType)
        {
            case ExpressionType.Not when unary.Operand.Type == typeof(bool) || unary.Operand.Type == typeof(bool?):
                {
                    var operand = Rewrite(unary.Operand);
                    return operand.Type == typeof(bool) ? Expression.Not(operand) : Expression.Call(NotMethod, operand);
                }

            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                {
                    var operand = Rewrite(unary.Operand);
                    if (operand.Type == unary.Operand.Type)
                    {
                        return Expression.MakeUnary(unary.NodeType, operand, unary.Type, unary.Method);
                    }

                    // The operand became nullable: convert to the nullable target (or box the unknown as null).
                    if (unary.Type == operand.Type)
                    {
                        return operand;
                    }

                    return unary.Method is null
                        ? Expression.MakeUnary(unary.NodeType, operand, Lift(unary.Type))
                        : Guarded([operand], v => Expression.MakeUnary(unary.NodeType, v[0], unary.Type, unary.Method));
                }

            case ExpressionType.ArrayLength:
                return Guarded([Rewrite(unary.Operand)], v => Expression.ArrayLength(v[0]));
            case ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus or ExpressionType.Not:
                {
                    var operand = Rewrite(unary.Operand);
                    return operand.Type == unary.Operand.Type
                        ? Expression.MakeUnary(unary.NodeType, operand, unary.Type, unary.Method)
                        : Guarded([operand], v => Expression.MakeUnary(unary.NodeType, v[0], unary.Type, unary.Method));
                }

            case ExpressionType.TypeAs:
                return Expression.TypeAs(Rewrite(unary.Operand), unary.Type);
            default:
                return unary;
        }
    }

    private Expression Conditional(ConditionalExpression conditional)
    {
        var test = Rewrite(conditional.Test);
        var ifTrue = Rewrite(conditional.IfTrue);
        var ifFalse = Rewrite(conditional.IfFalse);
        var type = ifTrue.Type == conditional.Type && ifFalse.Type == conditional.Type ? conditional.Type : Lift(conditional.Type);
        ifTrue = ifTrue.Type == type ? ifTrue : Expression.Convert(ifTrue, type);
        ifFalse = ifFalse.Type == type ? ifFalse : Expression.Convert(ifFalse, type);
        if (test.Type == typeof(bool))
        {
            return Expression.Condition(test, ifTrue, ifFalse, type);
        }

        // An unknown test: the outcome is unknown.
        var lifted = Lift(type);
        return Let(test, t => Expression.Condition(
            IsNull(t),
            Expression.Default(lifted),
            Expression.Condition(Unwrapped(t), Lifted(ifTrue), Lifted(ifFalse), lifted),
            lifted));
    }
}
