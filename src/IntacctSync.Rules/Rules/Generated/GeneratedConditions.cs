using System.Diagnostics.CodeAnalysis;

namespace IntacctSync.Rules.Rules.Generated;

/// <summary>
/// The built-in rules' expressions as C#, generated from <c>rules/</c> (the other half of this class, in
/// <c>GeneratedConditions.g.cs</c>). Loading the built-in catalog takes each delegate from here instead of
/// parsing the text and emitting IL for it, so start-up neither runs System.Linq.Dynamic.Core nor JIT-compiles
/// hundreds of dynamic methods. An entry is keyed by the subject kind and the exact expression text, so a
/// rule whose text changed and was not regenerated is parsed as before: still correct, only slower, and
/// <c>GeneratedConditionsTests</c> fails until <c>build/generate-conditions.sh</c> is run.
/// </summary>
internal static partial class GeneratedConditions
{
    /// <summary>The generated condition for <paramref name="expression"/> over a <paramref name="subject"/>, if there is one.</summary>
    public static bool TryGetCondition(string subject, string expression, [NotNullWhen(true)] out Condition? condition) =>
        Conditions.TryGetValue(Key(subject, expression), out condition);

    /// <summary>The generated value expression for <paramref name="expression"/> over a <paramref name="subject"/>, if there is one.</summary>
    public static bool TryGetValue(string subject, string expression, [NotNullWhen(true)] out ValueOf? value) =>
        Values.TryGetValue(Key(subject, expression), out value);

    /// <summary>
    /// An entry's key: the subject kind, a space, the expression (a kind's name holds no space). A string key,
    /// not a tuple, so the table uses the dictionary code the runtime ships precompiled instead of
    /// JIT-compiling a dictionary over a struct key at start-up.
    /// </summary>
    public static string Key(string subject, string expression) => subject + " " + expression;

    /// <summary>Every generated condition, by <see cref="Key"/>.</summary>
    internal static IReadOnlyDictionary<string, Condition> AllConditions => Conditions;

    /// <summary>Every generated value expression, by <see cref="Key"/>.</summary>
    internal static IReadOnlyDictionary<string, ValueOf> AllValues => Values;
}
