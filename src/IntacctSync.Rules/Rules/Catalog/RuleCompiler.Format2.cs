using IntacctSync.Rules.Rules.Definition;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The rule format 2 (<c>"format": 2</c>): a cause has one three-valued <c>when</c> (true establishes it, false rules
/// it out, unknown leaves it possible) and a <c>why</c> for the facts worth asking for. What a verdict cites and what
/// a possible cause asks for are worked out from the facts the condition reads (<see cref="FactNames.Reads"/>), not
/// listed by hand.
/// </summary>
internal sealed partial class RuleCompiler
{
    private CompiledVerdict? VerdictCause(FileContext context, SubjectKind subject, RuleDocument doc, CauseDocument cause, string path)
    {
        foreach (var (old, present) in new[] { ("establishedWhen", cause.EstablishedWhen is not null), ("excludedWhen", cause.ExcludedWhen is not null), ("missingEvidence", cause.MissingEvidence is not null) })
        {
            if (present)
            {
                context.Report($"{path}.{old}", $"{old} is the rule format 1; in format 2 a cause has one when (true establishes, false rules out) and a why for the facts to ask for");
            }
        }

        if (string.IsNullOrWhiteSpace(cause.When))
        {
            context.Report(path + ".when", "a cause needs its condition: true establishes it, false rules it out, unknown leaves it possible");
            return null;
        }

        var reads = new List<string>();
        if (Tree(context, subject, cause.When, path + ".when", reads) is not { } when)
        {
            return null;
        }

        (Condition When, VerdictNode Tree)? gate = null;
        if (cause.EstablishedOnlyIf is not null)
        {
            if (string.IsNullOrWhiteSpace(cause.EstablishedOnlyIf))
            {
                context.Report(path + ".establishedOnlyIf", "establishedOnlyIf needs a condition: what must also be true before the when may establish the cause; leave it out when nothing must");
                return null;
            }

            if (Tree(context, subject, cause.EstablishedOnlyIf, path + ".establishedOnlyIf", reads) is not { } only)
            {
                return null;
            }

            gate = only;
        }

        // Facts asked for though no part reads them: they need a why like any other, and count as read for the why's check.
        var ask = new List<(FactPath, Condition?)>();
        var asked = new List<string>();
        foreach (var (entry, j) in (cause.Ask ?? []).Select((a, j) => (a, j)))
        {
            var askPath = $"{path}.ask[{j}]";
            if (string.IsNullOrWhiteSpace(entry.Fact))
            {
                context.Report(askPath + ".fact", "an ask entry needs the fact to ask for, by contract path (connection.senderIdAuthorized)");
                continue;
            }

            var askWhen = entry.When is null ? null : CompileRequired(context, subject, entry.When, askPath + ".when");
            if (entry.When is not null && askWhen is null)
            {
                continue;
            }

            ask.Add((FactPath.Compile(TextTemplate.Parse(entry.Fact)), askWhen));
            asked.Add(entry.Fact);
        }

        var cite = new List<FactPath>();
        foreach (var (fact, j) in (cause.Cite ?? []).Select((f, j) => (f, j)))
        {
            if (string.IsNullOrWhiteSpace(fact))
            {
                context.Report($"{path}.cite[{j}]", "a cite entry names a fact by contract path (connection.lastSuccessfulSyncAt)");
                continue;
            }

            cite.Add(FactPath.Compile(TextTemplate.Parse(fact)));
        }

        var why = new List<(FactPath, TextTemplate)>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fact, reason) in cause.Why ?? [])
        {
            if (!reads.Contains(fact) && !asked.Contains(fact) && !reads.Any(read => SelectsFrom(read, fact)))
            {
                context.Report(path + ".why", $"why names \"{fact}\", which the cause's when (nor its establishedOnlyIf) does not read and its ask does not name (nor a list it selects a record of); it reads: {(reads.Count == 0 ? "no fact" : string.Join(", ", reads))}");
            }
            else if (Template(context, subject, reason, path + ".why", required: true) is { } because)
            {
                why.Add((FactPath.Compile(TextTemplate.Parse(fact)), because));
                given.Add(fact);
            }
        }

        foreach (var (fact, reason) in doc.Why ?? [])
        {
            if ((reads.Contains(fact) || asked.Contains(fact) || reads.Any(read => SelectsFrom(read, fact))) && given.Add(fact) && Template(context, subject, reason, "$.why", required: true) is { } because)
            {
                why.Add((FactPath.Compile(TextTemplate.Parse(fact)), because));
            }
        }

        foreach (var fact in asked.Where(f => !given.Contains(f)))
        {
            context.Report(path + ".ask", $"ask names \"{fact}\" with no why: say why it matters in the cause's or the rule's why, which is what the report prints beside it");
        }

        return new CompiledVerdict { When = when.When, Tree = when.Tree, EstablishedOnlyIf = gate?.When, EstablishedOnlyIfTree = gate?.Tree, Ask = [.. ask], Cite = [.. cite], Why = [.. why] };
    }

    // A format 2 condition compiled whole (its verdict) and split into atoms (what it cites and asks for), each atom
    // compiled on its own; the facts the atoms read are added to reads.
    private (Condition When, VerdictNode Tree)? Tree(FileContext context, SubjectKind subject, string condition, string path, List<string> reads)
    {
        if (ExpandForFormat(context, condition, path) is not { } expanded || !WithinLimits(context, condition, expanded, path, "condition"))
        {
            return null;
        }

        if (CompileExpanded(context, subject, expanded, path) is not { } when)
        {
            return null;
        }

        var tree = VerdictNode.Split(expanded);
        foreach (var atom in tree.Atoms())
        {
            atom.When = string.Equals(atom.Text, expanded, StringComparison.Ordinal) ? when : CompileExpanded(context, subject, atom.Text, path);
            if (atom.When is null)
            {
                return null;
            }

            var atomReads = FactNames.Reads(atom.Text, subject.SubjectType);
            atom.Reads = [.. atomReads.Select(r => FactPath.Compile(TextTemplate.Parse(r)))];
            foreach (var read in atomReads.Where(r => !reads.Contains(r)).ToList())
            {
                reads.Add(read);
            }
        }

        return (when, tree);
    }

    /// <summary>
    /// Whether <paramref name="read"/> selects a record of the list <paramref name="list"/> (<c>intacct.vendors[{vendor}].onHold</c>
    /// of <c>intacct.vendors</c>): a why for the list is asked for when the read cannot name its record.
    /// </summary>
    internal static bool SelectsFrom(string read, string list) =>
        read.Length > list.Length + 1 && read.StartsWith(list, StringComparison.Ordinal) && read[list.Length] == '[';

    // The text that is measured, parsed and looked up in the generated table: named conditions replaced and, in format 2,
    // section names read through e.Evidence (so the limits count the member reads the parser will see).
    private static string? ExpandForFormat(FileContext context, string expression, string path)
    {
        var expanded = ExpandNamed(context, expression, path);
        return expanded is not null && context.Format == 2 ? FactNames.Rewrite(expanded) : expanded;
    }

    // A rule's why is a glossary for its causes: an entry no cause reads is a mistake (a misspelt path, say).
    private static void CheckGlossary(FileContext context, RuleDocument doc, List<CompiledCause> causes)
    {
        if (doc.Why is null)
        {
            return;
        }

        var used = causes.Where(c => c.Verdict is not null).SelectMany(c => c.Verdict!.Why).Select(w => w.Path.Template.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var fact in doc.Why.Keys.Where(f => !used.Contains(f)))
        {
            context.Report("$.why", $"why names \"{fact}\", which no cause's when reads");
        }
    }
}
