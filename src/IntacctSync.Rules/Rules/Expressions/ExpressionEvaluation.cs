using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Turns a parsed, three-valued rule expression into a delegate: compiled to IL where the runtime can generate code,
/// interpreted by System.Linq.Expressions' interpreter where it cannot (Native AOT: no Reflection.Emit). Only the
/// expressions that <see cref="Generated.GeneratedConditions"/> does not hold come here: custom rules, and every
/// expression when the generated table is off.
/// </summary>
internal static class ExpressionEvaluation
{
    /// <summary>
    /// The <see cref="AppContext"/> switch that leaves the generated conditions unused, so that every expression, the
    /// built-in ones too, is parsed and evaluated here: how samples/AotConsumer checks a Native AOT build's evaluation
    /// against the generated code over every case document. Read when rules are compiled; off by default.
    /// </summary>
    public const string ParseEveryExpressionSwitch = "IntacctSync.Rules.ParseEveryExpression";

    /// <summary>Whether <see cref="ParseEveryExpressionSwitch"/> is on.</summary>
    public static bool ParseEveryExpression => AppContext.TryGetSwitch(ParseEveryExpressionSwitch, out var on) && on;

    /// <summary>Whether this process interprets expressions whatever it is asked (no dynamic code: Native AOT).</summary>
    public static bool InterpretsAlways => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The delegate of <paramref name="lambda"/>; interpreted when <paramref name="interpret"/> or when the runtime cannot compile.</summary>
    public static T Compile<T>(Expression<T> lambda, bool interpret)
        where T : Delegate =>
        lambda.Compile(preferInterpretation: interpret || InterpretsAlways);
}
