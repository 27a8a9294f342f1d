namespace IntacctSync.Rules.Rules;

/// <summary>
/// Kleene's three-valued logic over <see cref="bool"/>?: <c>null</c> is "unknown". What rule conditions
/// compile to once <see cref="ThreeValued"/> has rewritten them; the generated C# calls the same methods.
/// </summary>
internal static class Kleene
{
    /// <summary>False when either is false, true when both are true, else unknown.</summary>
    public static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left == true && right == true ? true : null;

    /// <summary>True when either is true, false when both are false, else unknown.</summary>
    public static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left == false && right == false ? false : null;

    /// <summary>Whether the value is known to be true. (A method, not <c>== true</c>: FastExpressionCompiler, which compiled conditions before, emitted invalid IL for an equality of two <see cref="bool"/>? in a condition's test; the generated code keeps the shape.)</summary>
    public static bool IsTrue(bool? value) => value == true;

    /// <summary>Whether the value is known to be false.</summary>
    public static bool IsFalse(bool? value) => value == false;

    /// <summary>The opposite of a known value; unknown stays unknown.</summary>
    public static bool? Not(bool? value) => value is { } known ? !known : null;
}
