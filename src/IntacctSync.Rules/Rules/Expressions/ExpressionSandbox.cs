using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules.Subjects;
using RulesEngine.ExpressionBuilders;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Keeps rule expressions inside the evidence model. A parsed expression may read the subject (<c>d</c>),
/// the evidence facts (<c>e</c>) and their helpers, and use basic operations on text, numbers, dates and
/// collections; anything else (reflection, I/O, processes, the environment, arbitrary delegates) is
/// refused at load, naming the member. An allow-list, because a deny-list of the BCL can never be complete.
/// </summary>
/// <remarks>
/// RulesEngine's <c>ReSettings</c> exposes no System.Linq.Dynamic.Core parsing configuration beyond
/// <c>CustomTypes</c>, which the compiler already limits to the evidence types; this visitor is the
/// check that does not depend on the parser's defaults. Stateless and thread-safe.
/// </remarks>
internal sealed partial class ExpressionSandbox : ExpressionVisitor
{
    private const string Allowed = "an expression may read d (the subject), e (the evidence facts) and their members, "
        + "and use operators and members of text, numbers, dates, enums, nullable values and collections (Any, All, Count, Contains ...)";

    private static readonly HashSet<Type> SystemTypes =
    [
        typeof(object), typeof(string), typeof(char), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid),
        typeof(Math), typeof(Enum), typeof(ValueType), typeof(Nullable<>), typeof(StringComparison), typeof(CultureInfo),
        typeof(Enumerable), typeof(Array), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(List<>),
        typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>), typeof(IReadOnlySet<>), typeof(ISet<>), typeof(HashSet<>),
        typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(Dictionary<,>), typeof(KeyValuePair<,>),
        typeof(ReadOnlyCollection<>), typeof(Func<,>), typeof(Func<,,>),
    ];

    // Members of allowed types that still reach outside the model.
    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "System.Object.GetType", "System.Enum.GetType", "System.Array.CreateInstance", "System.Array.CreateInstanceFromArrayType",
        "System.Enum.GetUnderlyingType", "System.Enum.GetEnumUnderlyingType",
    };

    private static readonly HashSet<Type> ModelExclusions = [typeof(SyncEvidenceJson), typeof(EvidenceSchema)];

    private const DynamicallyAccessedMemberTypes Kept = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicProperties;

    private string? _violation;

    private ExpressionSandbox()
    {
    }

    /// <summary>Parses <paramref name="expression"/> and checks it; what is refused throws with the reason.</summary>
    /// <exception cref="InvalidOperationException">The expression does not parse (with its position) or leaves the sandbox.</exception>
    // The parser finds members of the framework's types by reflection too: keep the public members of those an expression
    // may use (the evidence model itself is kept by ILLink.Descriptors.xml), for trimmed and Native AOT applications.
    [DynamicDependency(Kept, typeof(string))]
    [DynamicDependency(Kept, typeof(Enumerable))]
    [DynamicDependency(Kept, typeof(Math))]
    [DynamicDependency(Kept, typeof(decimal))] // its implicit conversions, which lifted comparisons call (an int? against a decimal? overload)
    [DynamicDependency(Kept, typeof(DateTime))]
    [DynamicDependency(Kept, typeof(DateTimeOffset))]
    [DynamicDependency(Kept, typeof(DateOnly))]
    [DynamicDependency(Kept, typeof(TimeSpan))]
    [DynamicDependency(Kept, typeof(Nullable<>))]
    [DynamicDependency(Kept, typeof(IEnumerable<>))]
    [DynamicDependency(Kept, typeof(IReadOnlyCollection<>))]
    [DynamicDependency(Kept, typeof(IReadOnlyList<>))]
    [DynamicDependency(Kept, typeof(IReadOnlyDictionary<,>))]
    [DynamicDependency(Kept, typeof(ICollection<>))]
    [DynamicDependency(Kept, typeof(List<>))]
    [DynamicDependency(Kept, typeof(Dictionary<,>))]
    [DynamicDependency(Kept, typeof(HashSet<>))]
    [DynamicDependency(Kept, typeof(KeyValuePair<,>))]
    // It types operators by overload resolution over the methods of its own signature interfaces, which nothing calls.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IAddSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedMethods.MethodFinder.IAggregateSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IArithmeticSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IEqualitySignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.ILogicalSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.INegationSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.INotSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IRelationalSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.IShiftSignatures", "System.Linq.Dynamic.Core")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.Interfaces, "System.Linq.Dynamic.Core.Parser.SupportedOperands.ISubtractSignatures", "System.Linq.Dynamic.Core")]
    public static Expression Parse(RuleExpressionParser parser, string expression, ParameterExpression[] parameters, Type returnType)
    {
        // The parser and this visitor recurse per nesting level; the compiler reports this earlier, with its context.
        if (ExpressionLimits.Check(expression) is { } tooLarge)
        {
            throw new InvalidOperationException("the expression is too large to load: " + tooLarge);
        }

        Expression body;
        try
        {
            body = parser.Parse(expression, parameters, returnType);
        }
        catch (ParseException ex)
        {
            throw new InvalidOperationException($"{ex.Message.TrimEnd('.')} (at character {ex.Position + 1})", ex);
        }

        if (Violation(body) is { } violation)
        {
            throw new InvalidOperationException(violation);
        }

        return body;
    }

    /// <summary>The first thing in <paramref name="body"/> that leaves the sandbox, described; <c>null</c> when it stays inside.</summary>
    public static string? Violation(Expression body)
    {
        var sandbox = new ExpressionSandbox();
        sandbox.Visit(body);
        return sandbox._violation;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_violation is not null || node is null)
        {
            return node;
        }

        switch (node.NodeType)
        {
            case ExpressionType.Invoke:
                Refuse("invoking a delegate is not allowed");
                return node;
            case ExpressionType.Dynamic or ExpressionType.Extension or ExpressionType.RuntimeVariables or ExpressionType.Quote:
                Refuse($"a {node.NodeType} expression is not allowed");
                return node;
        }

        // Children first, so the message names the innermost member that leaves the sandbox.
        var visited = base.Visit(node);
        if (IsReflection(node.Type))
        {
            Refuse($"a value of type {node.Type.FullName} (reflection) is not allowed");
        }

        return visited;
    }

    /// <summary>
    /// The most lambdas one expression may nest (<c>e.Lines.Any(l => l.Tags.Any(t => ...))</c> is two): each level
    /// runs once per element of the level around it, so the cost grows as the evidence's size to that power.
    /// </summary>
    internal const int MaxLambdaNesting = 2;

    private int _lambdaDepth;

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        if (++_lambdaDepth > MaxLambdaNesting)
        {
            Refuse($"lambdas are nested more than {MaxLambdaNesting} deep: each level runs once per element of the one around it, so the cost grows as the evidence's size to that power; test the inner collection with a derived fact of the evidence model instead");
            _lambdaDepth--;
            return node;
        }

        var visited = base.VisitLambda(node);
        _lambdaDepth--;
        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        Check(node.Method);
        CheckCost(node);
        return visited;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var visited = base.VisitMember(node);
        Check(node.Member);
        return visited;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is { } constructor)
        {
            Check(constructor);
        }
        else if (!IsAllowedType(node.Type))
        {
            Refuse($"creating a {node.Type.FullName} is not allowed");
        }

        CheckCost(node);

        return base.VisitNew(node);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        if (!IsAllowedType(node.Type.GetElementType()!))
        {
            Refuse($"an array of {node.Type.GetElementType()!.FullName} is not allowed");
        }

        CheckCost(node);

        return base.VisitNewArray(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.Method is { } method)
        {
            Check(method);
        }

        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs && !IsAllowedType(node.Type))
        {
            Refuse($"converting to {node.Type.FullName} is not allowed");
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is { } method)
        {
            Check(method);
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is { } value && !IsAllowedType(value.GetType()))
        {
            Refuse($"a constant of type {value.GetType().FullName} is not allowed");
        }

        return base.VisitConstant(node);
    }

    protected override Expression VisitMemberInit(MemberInitExpression node)
    {
        foreach (var binding in node.Bindings)
        {
            Check(binding.Member);
        }

        return base.VisitMemberInit(node);
    }

    protected override Expression VisitListInit(ListInitExpression node)
    {
        foreach (var initializer in node.Initializers)
        {
            Check(initializer.AddMethod);
        }

        return base.VisitListInit(node);
    }

    private void Check(MemberInfo member)
    {
        var type = member.DeclaringType;
        var name = $"{type?.FullName ?? "?"}.{member.Name}";
        if (type is null || !IsAllowedType(type) || DeniedMembers.Contains(name) || (type.IsGenericType && DeniedMembers.Contains($"{type.Namespace}.{type.Name}.{member.Name}")))
        {
            Refuse($"{Describe(member)} is not allowed");
        }
        else if (member is MethodInfo { IsGenericMethod: true } method && method.GetGenericArguments().FirstOrDefault(t => !IsAllowedType(t)) is { } argument)
        {
            Refuse($"{Describe(member)} over {argument.FullName} is not allowed");
        }
    }

    private static string Describe(MemberInfo member)
    {
        var type = member.DeclaringType;
        var typeName = type is null ? "?" : type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.FullName;
        return member switch
        {
            ConstructorInfo => $"new {typeName}(...)",
            MethodInfo => $"{typeName}.{member.Name}(...)",
            _ => $"{typeName}.{member.Name}",
        };
    }

    private static bool IsReflection(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type) && !IsLambdaType(type);

    // Lambdas passed to Any/All/Where have Func types; they are built from the same checked nodes.
    private static bool IsLambdaType(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Func<,>) || type.GetGenericTypeDefinition() == typeof(Func<,,>));

    private static bool IsAllowedType(Type type)
    {
        if (type.IsArray || type.IsByRef)
        {
            return IsAllowedType(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return true;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsAllowedType(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowedType);
        }

        if (SystemTypes.Contains(type))
        {
            return true;
        }

        if (type.Assembly != typeof(ExpressionSandbox).Assembly || ModelExclusions.Contains(type) || typeof(Exception).IsAssignableFrom(type))
        {
            return false;
        }

        return type.IsEnum
            || type.Namespace == typeof(SyncEvidence).Namespace
            || (type.Namespace == typeof(EvidenceFacts).Namespace && !typeof(SubjectKind).IsAssignableFrom(type));
    }

    // Only the first violation is kept: it names the member, and one fix at a time is enough.
    private void Refuse(string what) => _violation ??= what + "; " + Allowed;
}
