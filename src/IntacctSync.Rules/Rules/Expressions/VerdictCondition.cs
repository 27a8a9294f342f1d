using System.Collections.Immutable;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The top-level Kleene structure of a format 2 cause's <c>when</c>: its <c>&amp;&amp;</c>, <c>||</c> and <c>!(...)</c>
/// outside any call or lambda, over atoms (a comparison, a call, a derived fact). Each atom is compiled on its own
/// and knows the facts it reads, so that the engine can tell which known facts decided a verdict (they are cited)
/// and which unknown facts left it open (they are missing evidence). The verdict itself comes from the whole
/// condition's delegate; this tree is walked only for a finding that is reported.
/// </summary>
internal abstract class VerdictNode
{
    /// <summary>Splits a condition's text; an expression it cannot split safely (a <c>?:</c>, <c>??</c>, or the word operators) is one atom.</summary>
    public static VerdictNode Split(string text)
    {
        text = text.Trim();
        var ors = TopLevel(text, "||");
        if (ors is null)
        {
            return new VerdictAtom(text);
        }

        if (ors.Count > 1)
        {
            return new VerdictAny([.. ors.Select(Split)]);
        }

        var ands = TopLevel(text, "&&")!;
        if (ands.Count > 1)
        {
            return new VerdictAll([.. ands.Select(Split)]);
        }

        if (text.StartsWith('!') && !text.StartsWith("!=", StringComparison.Ordinal) && Wrapped(text[1..].Trim()) is { } negated)
        {
            return new VerdictNot(Split(negated));
        }

        return Wrapped(text) is { } inner ? Split(inner) : new VerdictAtom(text);
    }

    /// <summary>Every atom, left to right.</summary>
    public abstract IEnumerable<VerdictAtom> Atoms();

    /// <summary>Evaluates as the whole condition would (Kleene, left to right, the right side only when the left does not decide).</summary>
    public abstract bool? Evaluate(object subject, EvidenceFacts facts);

    /// <summary>The atoms whose known facts decided the value <paramref name="value"/> (true or false): for <c>a &amp;&amp; b</c> false, the first false operand's.</summary>
    public abstract void Deciding(object subject, EvidenceFacts facts, bool value, List<VerdictAtom> into);

    /// <summary>The atoms left unknown where the whole is unknown: the operands that are.</summary>
    public abstract void Unknown(object subject, EvidenceFacts facts, List<VerdictAtom> into);

    // The parts of text split at a top-level operator, or null when the text holds a construct this split does not
    // read (a conditional, a coalesce, a word operator) at its top level.
    internal static List<string>? TopLevel(string text, string op)
    {
        var parts = new List<string>();
        var start = 0;
        var skipTo = 0;
        foreach (var (i, depth) in OutsideLiterals(text))
        {
            if (depth != 0 || i < skipTo)
            {
                continue;
            }

            var c = text[i];
            if (c == '?')
            {
                return null;
            }

            if (FactNames.IsIdentifierStart(c))
            {
                var end = i;
                while (end < text.Length && FactNames.IsIdentifierPart(text[end]))
                {
                    end++;
                }

                var word = text[i..end];
                if ((i == 0 || text[i - 1] != '.') && (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.Equals("not", StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }

                skipTo = end;
            }
            else if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                parts.Add(text[start..i].Trim());
                start = skipTo = i + op.Length;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    // The text inside one pair of parentheses that encloses all of it, or null.
    internal static string? Wrapped(string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
        {
            return null;
        }

        foreach (var (i, depth) in OutsideLiterals(text))
        {
            // A bracket that closes the first one before the end: the parentheses do not enclose it all.
            if (depth == 1 && text[i] is (')' or ']' or '}') && i < text.Length - 1)
            {
                return null;
            }
        }

        return text[1..^1];
    }

    // Each position outside string literals, with the bracket depth before the character there: the one walk over a
    // condition's text that both TopLevel and Wrapped need.
    private static IEnumerable<(int Index, int Depth)> OutsideLiterals(string text)
    {
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = FactNames.SkipLiteral(text, i);
                continue;
            }

            yield return (i, depth);
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            i++;
        }
    }
}

/// <summary>A condition's part that the split does not look into: compiled on its own, with the facts it reads.</summary>
internal sealed class VerdictAtom(string text) : VerdictNode
{
    public string Text { get; } = text;

    /// <summary>The atom's own delegate; set when the rule is compiled.</summary>
    public Condition? When { get; set; }

    /// <summary>The fact paths it reads (<see cref="FactNames.Reads"/>).</summary>
    public ImmutableArray<FactPath> Reads { get; set; } = [];

    public override IEnumerable<VerdictAtom> Atoms() => [this];

    public override bool? Evaluate(object subject, EvidenceFacts facts)
    {
        try
        {
            return When!(subject, facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The whole condition decided without failing; a part that fails on its own says nothing.
            return null;
        }
    }

    public override void Deciding(object subject, EvidenceFacts facts, bool value, List<VerdictAtom> into) => into.Add(this);

    public override void Unknown(object subject, EvidenceFacts facts, List<VerdictAtom> into) => into.Add(this);
}

internal sealed class VerdictNot(VerdictNode operand) : VerdictNode
{
    public override IEnumerable<VerdictAtom> Atoms() => operand.Atoms();

    public override bool? Evaluate(object subject, EvidenceFacts facts) => !operand.Evaluate(subject, facts);

    public override void Deciding(object subject, EvidenceFacts facts, bool value, List<VerdictAtom> into) => operand.Deciding(subject, facts, !value, into);

    public override void Unknown(object subject, EvidenceFacts facts, List<VerdictAtom> into) => operand.Unknown(subject, facts, into);
}

/// <summary><c>a &amp;&amp; b &amp;&amp; ...</c>: false as soon as one operand is; true when all are.</summary>
internal sealed class VerdictAll(ImmutableArray<VerdictNode> operands) : VerdictNode
{
    public override IEnumerable<VerdictAtom> Atoms() => operands.SelectMany(o => o.Atoms());

    public override bool? Evaluate(object subject, EvidenceFacts facts) => VerdictFold.Fold(operands, subject, facts, decides: false);

    public override void Deciding(object subject, EvidenceFacts facts, bool value, List<VerdictAtom> into) =>
        VerdictFold.Decide(operands, subject, facts, value, decides: false, into);

    public override void Unknown(object subject, EvidenceFacts facts, List<VerdictAtom> into) => VerdictFold.Open(operands, subject, facts, decides: false, into);
}

/// <summary><c>a || b || ...</c>: true as soon as one operand is; false when all are.</summary>
internal sealed class VerdictAny(ImmutableArray<VerdictNode> operands) : VerdictNode
{
    public override IEnumerable<VerdictAtom> Atoms() => operands.SelectMany(o => o.Atoms());

    public override bool? Evaluate(object subject, EvidenceFacts facts) => VerdictFold.Fold(operands, subject, facts, decides: true);

    public override void Deciding(object subject, EvidenceFacts facts, bool value, List<VerdictAtom> into) =>
        VerdictFold.Decide(operands, subject, facts, value, decides: true, into);

    public override void Unknown(object subject, EvidenceFacts facts, List<VerdictAtom> into) => VerdictFold.Open(operands, subject, facts, decides: true, into);
}

internal static class VerdictFold
{
    // Kleene's && (decides = false: a false operand decides) and || (decides = true), left to right.
    public static bool? Fold(ImmutableArray<VerdictNode> operands, object subject, EvidenceFacts facts, bool decides)
    {
        var unknown = false;
        foreach (var operand in operands)
        {
            var value = operand.Evaluate(subject, facts);
            if (value == decides)
            {
                return decides;
            }

            unknown |= value is null;
        }

        return unknown ? null : !decides;
    }

    // The operands that decided: the first that has the deciding value, else (every operand has the other value) all.
    public static void Decide(ImmutableArray<VerdictNode> operands, object subject, EvidenceFacts facts, bool value, bool decides, List<VerdictAtom> into)
    {
        if (value == decides)
        {
            foreach (var operand in operands)
            {
                if (operand.Evaluate(subject, facts) == decides)
                {
                    operand.Deciding(subject, facts, value, into);
                    return;
                }
            }

            return;
        }

        foreach (var operand in operands)
        {
            operand.Deciding(subject, facts, value, into);
        }
    }

    // The operands that left an unknown whole unknown.
    public static void Open(ImmutableArray<VerdictNode> operands, object subject, EvidenceFacts facts, bool decides, List<VerdictAtom> into)
    {
        foreach (var operand in operands)
        {
            if (operand.Evaluate(subject, facts) is null)
            {
                operand.Unknown(subject, facts, into);
            }
        }
    }
}
