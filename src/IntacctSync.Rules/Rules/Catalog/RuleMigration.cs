using System.Linq.Expressions;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence.Json;
using IntacctSync.Rules.Rules.Definition;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Rewrites a rule file of format 1 (causes with <c>establishedWhen</c>, <c>excludedWhen</c> and <c>missingEvidence</c>)
/// into format 2 (one <c>when</c> per cause, and a <c>why</c> for the facts to ask for), only where the rewrite cannot
/// change an answer; everywhere else it says where and why not.
/// </summary>
/// <remarks>
/// A cause is carried over when its verdicts are one fact's two values: one <c>establishedWhen</c> that compares a member
/// chain with <c>true</c> (or <c>false</c>) and one <c>excludedWhen</c> that compares the same chain with the other value,
/// each citing exactly the facts the chain reads in format 2, and <c>missingEvidence</c> entries for those facts only,
/// listed when the chain is unknown. The cause's <c>when</c> is then the established comparison: true, false and unknown
/// exactly where the old conditions established, ruled out and left it open, citing and asking for the same facts. Every
/// other shape (several conditions per verdict, conditions that are not each other's opposite, citations of facts the
/// condition does not read) depends on the meaning of the facts, and is left to the author. Stateless and thread-safe.
/// </remarks>
public static partial class RuleMigration
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Migrates one rule file.</summary>
    /// <param name="source">The file's name, for the problems.</param>
    /// <param name="utf8">The file's content.</param>
    /// <returns>The file in format 2, or <c>null</c> with the reasons it was not rewritten (an empty list: it is format 2 already).</returns>
    public static RuleMigrationResult Migrate(string source, byte[] utf8)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(utf8);
        var problems = new List<RuleProblem>();
        RuleDocument? doc;
        JsonObject? root;
        try
        {
            doc = JsonSerializer.Deserialize(utf8, RuleDocumentJsonContext.Default.RuleDocument);
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
        }
        catch (JsonException ex)
        {
            problems.Add(new RuleProblem(source, ex.LineNumber + 1, null, "the file is not a rule file that loads; fix it with rules validate first: " + ex.Message));
            return new RuleMigrationResult(null, problems);
        }

        if (doc is null || root is null)
        {
            problems.Add(new RuleProblem(source, 1, null, "the file holds no rule object"));
            return new RuleMigrationResult(null, problems);
        }

        if (doc.Format != 1)
        {
            return new RuleMigrationResult(null, problems);
        }

        void Problem(string path, string message) =>
            problems.Add(new RuleProblem(source, JsonLocator.Find(utf8, path)?.Line ?? 1, doc.Code, $"{path}: {message}"));

        if (FirstComment(utf8) is { } commentLine)
        {
            problems.Add(new RuleProblem(source, commentLine, doc.Code, "the file has comments, which a rewrite would lose; move them into notes, or migrate it by hand"));
        }

        var subjectType = doc.Subject switch
        {
            "dimension" => typeof(Subjects.DimensionSubject),
            "expense" => typeof(Subjects.ExpenseSubject),
            _ => typeof(object),
        };

        foreach (var (expression, path) in Expressions(doc))
        {
            if (!string.Equals(FactNames.Rewrite(expression), expression, StringComparison.Ordinal))
            {
                Problem(path, $"the expression names a section of the evidence ({string.Join(", ", FactNames.Sections)}) at the start of a member chain, which format 2 reads as the evidence's section; rename it first");
            }
        }

        var parser = new RuleCompiler(useGenerated: false);
        var causes = new JsonArray();
        foreach (var (cause, i) in (doc.Causes ?? []).Select((c, i) => (c, i)))
        {
            var path = $"$.causes[{i}]";
            if (Cause(cause, doc, subjectType, parser, out var reason) is { } migrated)
            {
                causes.Add((JsonNode)migrated);
            }
            else
            {
                Problem(path, $"cause {cause.Id}: {reason}");
            }
        }

        if (problems.Count > 0)
        {
            return new RuleMigrationResult(null, problems);
        }

        var written = new JsonObject();
        foreach (var (name, value) in root)
        {
            if (name == "format")
            {
                continue;
            }

            written[name] = name == "causes" ? causes : value?.DeepClone();
            if (name == "$schema" || (name == "code" && !root.ContainsKey("$schema")))
            {
                written["format"] = 2;
            }
        }

        if (!written.ContainsKey("format"))
        {
            written["format"] = 2;
        }

        var text = written.ToJsonString(Written).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

        // The rewrite must load as the file did: a problem here is a bug of the migration, reported rather than written.
        _ = new RuleCompiler().Compile(source, Encoding.UTF8.GetBytes(text), problems);
        return problems.Count > 0 ? new RuleMigrationResult(null, problems) : new RuleMigrationResult(text, problems);
    }

    private static JsonObject? Cause(CauseDocument cause, RuleDocument doc, Type subjectType, RuleCompiler parser, out string reason)
    {
        reason = string.Empty;
        if (cause.EstablishedWhen is not [var established])
        {
            reason = $"{cause.EstablishedWhen?.Count ?? 0} establishedWhen conditions; format 2 has one when, and joining them (||) cites differently: write it by hand";
            return null;
        }

        if (cause.ExcludedWhen is not [var excluded])
        {
            reason = $"{cause.ExcludedWhen?.Count ?? 0} excludedWhen conditions; one when is false exactly where the cause is ruled out, which only a condition written for it says: write it by hand";
            return null;
        }

        if (string.IsNullOrWhiteSpace(established.When) || string.IsNullOrWhiteSpace(excluded.When))
        {
            reason = "a condition without its when; fix it with rules validate first";
            return null;
        }

        // The parts of establishedWhen joined by its top-level &&; one of them must be exactly what excludedWhen negates.
        var parts = Conjuncts(established.When);
        Expression negated;
        var candidates = new List<Expression?>();
        try
        {
            negated = parser.ParseRaw(doc.Subject, Expand(excluded.When, doc));
            foreach (var part in parts)
            {
                candidates.Add(parser.ParseRaw(doc.Subject, Expand(part, doc)));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            reason = $"a condition does not compile ({ex.Message}); fix it with rules validate first";
            return null;
        }

        var found = candidates.FindIndex(c => c is not null && IsKleeneNegation(c, negated));
        if (found < 0)
        {
            reason = parts.Count == 1
                ? $"establishedWhen \"{established.When}\" and excludedWhen \"{excluded.When}\" are not each other's Kleene negation (compared as parsed: true, false and unknown swapped for every value), so no one when is false exactly where the cause was ruled out; write the when by hand"
                : $"establishedOnlyIf: excludedWhen \"{excluded.When}\" is not the Kleene negation of any one part of establishedWhen \"{established.When}\" (compared as parsed), so no part can be the when with the others as establishedOnlyIf; write it by hand";
            return null;
        }

        var when = Unwrapped(parts[found]);
        var gate = parts.Where((_, i) => i != found).Select(Unwrapped).ToList();
        var expandedWhen = Expand(when, doc);
        var reads = FactNames.Reads(expandedWhen, subjectType);
        if (reads.Count == 0)
        {
            reason = $"{when} declares no contract path, so format 2 would cite nothing for it; read the facts themselves, or give the derived fact its paths ([Reads])";
            return null;
        }

        if (VerdictNode.Split(expandedWhen) is not VerdictAtom)
        {
            reason = $"format 2 splits the when \"{when}\" at its &&, || and !( ) and cites only the parts that decide, where format 1 cites every fact of the condition; write it by hand";
            return null;
        }

        foreach (var part in gate)
        {
            if (FactNames.Reads(Expand(part, doc), subjectType) is { Count: > 0 } gateReads)
            {
                reason = $"establishedOnlyIf: the rest of establishedWhen, \"{part}\", reads facts ({string.Join(", ", gateReads)}) that format 2 would cite and ask for beside the when's, where format 1 cites what the condition lists; only a part that reads no fact (a sighting such as e.SignInFailed or e.MessageSeen(...)) is carried over: write it by hand";
                return null;
            }
        }

        foreach (var (text, what) in gate.Select(g => (g, "establishedOnlyIf")).Prepend((when, "when")))
        {
            if (!string.Equals(FactNames.Rewrite(text), text, StringComparison.Ordinal))
            {
                reason = $"{what}: \"{text}\" names a section of the evidence at the start of a member chain, which format 2 reads as the evidence's section; rename it first";
                return null;
            }
        }

        // A ruled-out cause cites what the when reads, in that order; an established one that, then its cite.
        if (!(excluded.Facts ?? []).SequenceEqual(reads, StringComparer.Ordinal))
        {
            reason = $"excludedWhen cites [{string.Join(", ", excluded.Facts ?? [])}], while format 2 cites what {when} reads: [{string.Join(", ", reads)}]; write it by hand";
            return null;
        }

        var establishedFacts = established.Facts ?? [];
        if (!establishedFacts.Take(reads.Count).SequenceEqual(reads, StringComparer.Ordinal) || establishedFacts.Skip(reads.Count).Any(reads.Contains))
        {
            reason = $"establishedWhen cites [{string.Join(", ", establishedFacts)}], while format 2 cites what {when} reads, in this order: [{string.Join(", ", reads)}], and then only what it carries as cite; write it by hand";
            return null;
        }

        // What establishedWhen cites beside the facts the when reads is context of the proof: cite, cited when established.
        var cite = new JsonArray();
        foreach (var fact in establishedFacts.Where(f => !reads.Contains(f)).Distinct(StringComparer.Ordinal))
        {
            if (NamesSubjectValue(fact) is { } name)
            {
                reason = $"cite: establishedWhen cites {fact}, which selects its record by {{{name}}}; format 2 cites no record a finding without that value cannot name, where format 1 cites it: write it by hand";
                return null;
            }

            cite.Add((JsonNode)JsonValue.Create(fact));
        }

        var why = new JsonObject();
        var ask = new JsonArray();
        foreach (var m in cause.MissingEvidence ?? [])
        {
            if (string.IsNullOrWhiteSpace(m.Field) || string.IsNullOrWhiteSpace(m.Why))
            {
                reason = "a missingEvidence entry without its field or why; fix it with rules validate first";
                return null;
            }

            if (why.ContainsKey(m.Field))
            {
                reason = $"missingEvidence asks for {m.Field} twice";
                return null;
            }

            if (reads.Contains(m.Field))
            {
                // Format 2 asks for a fact the when reads while the when is unknown: the old entry must say the same.
                if (!string.IsNullOrWhiteSpace(m.When) && !(ComparedChain(when, doc, parser) is { } chain && NullTest(m.When, chain)))
                {
                    reason = $"missingEvidence asks for {m.Field} when \"{m.When}\", not when {when} is unknown: write it by hand";
                    return null;
                }
            }
            else
            {
                // A fact the when does not read: asked for, unless its condition is false, while the cause is possible.
                if (reads.FirstOrDefault(r => RuleCompiler.SelectsFrom(r, m.Field)) is { } record)
                {
                    reason = $"ask: missingEvidence asks for {m.Field}, the list {when} reads a record of ({record}); format 2 also asks for such a list whenever that record cannot be named, so the missing evidence could differ: write it by hand";
                    return null;
                }

                if (NamesSubjectValue(m.Field) is { } name)
                {
                    reason = $"ask: missingEvidence asks for {m.Field}, which selects its record by {{{name}}}; format 2 asks for no record a finding without that value cannot name, where format 1 asks for it: write it by hand";
                    return null;
                }

                if (m.When is { } askWhen && !string.Equals(FactNames.Rewrite(askWhen), askWhen, StringComparison.Ordinal))
                {
                    reason = $"ask: the missingEvidence when \"{askWhen}\" names a section of the evidence at the start of a member chain, which format 2 reads as the evidence's section; rename it first";
                    return null;
                }

                var entry = new JsonObject { ["fact"] = m.Field };
                if (!string.IsNullOrWhiteSpace(m.When) && !AbsentTest(m.When, m.Field, subjectType))
                {
                    entry["when"] = m.When;
                }

                ask.Add((JsonNode)entry);
            }

            why[m.Field] = m.Why;
        }

        var written = new JsonObject
        {
            ["id"] = cause.Id,
            ["summary"] = cause.Summary,
            ["when"] = Comparison(when) is { } yes ? $"{ContractPath(yes.Chain, reads)} == {(yes.Value ? "true" : "false")}" : when,
        };
        if (gate.Count > 0)
        {
            written["establishedOnlyIf"] = string.Join(" && ", gate);
        }

        if (why.Count > 0)
        {
            written["why"] = why;
        }

        if (ask.Count > 0)
        {
            written["ask"] = ask;
        }

        if (cite.Count > 0)
        {
            written["cite"] = cite;
        }

        if (cause.OnlyWhenEstablished)
        {
            written["onlyWhenEstablished"] = true;
        }

        return written;
    }

    // The condition's parts joined by its top-level && (parentheses around a part read through); the whole when it has none.
    private static List<string> Conjuncts(string condition)
    {
        var text = Unwrapped(condition);
        if (VerdictNode.TopLevel(text, "||") is not [_] || VerdictNode.TopLevel(text, "&&") is not { Count: > 1 } ands)
        {
            return [text];
        }

        return [.. ands.SelectMany(Conjuncts)];
    }

    private static string Unwrapped(string text)
    {
        text = text.Trim();
        while (VerdictNode.Wrapped(text) is { } inner)
        {
            text = inner.Trim();
        }

        return text;
    }

    private static string Expand(string expression, RuleDocument doc) =>
        RuleCompiler.ExpandNamedConditions(expression, doc.Conditions);

    // The member chain a when compares with a literal that is not null ("e.Count > 0", "d.Active == false"): the when is
    // unknown exactly where the chain is.
    private static string? ComparedChain(string when, RuleDocument doc, RuleCompiler parser)
    {
        if (ChainComparisonPattern().Match(when) is not { Success: true } match
            || parser.ParseRaw(doc.Subject, Expand(when, doc)) is not BinaryExpression compared
            || !ConstantOf(compared.Right, out var value) || value is null)
        {
            return null;
        }

        return match.Groups["chain"].Value;
    }

    // Whether a when only asks whether the field itself is absent ("e.Evidence.Connection == null ||
    // e.Evidence.Connection.SenderIdAuthorized == null" for connection.senderIdAuthorized): an ask entry asks only for a
    // fact the evidence lacks, so the when says nothing more and is left out.
    private static bool AbsentTest(string when, string field, Type subjectType)
    {
        var tests = when.Split("||", StringSplitOptions.TrimEntries);
        return NullPattern().Match(tests[^1]) is { Success: true } last
            && last.Groups["chain"].Value is var chain
            && chain.StartsWith("e.Evidence.", StringComparison.Ordinal)
            && NullTest(when, chain)
            && FactNames.Reads(chain, subjectType) is [var path]
            && path == field
            && ContractPath(chain, [path]) == field;
    }

    // The contract subject value a fact path selects its record by ({vendor}, {creditCard}), or null.
    private static string? NamesSubjectValue(string fact) =>
        TextTemplate.Parse(fact).SlotNames.FirstOrDefault(RuleCompiler.ContractSubjectNames.Contains);

    // e.Evidence.Workspace.Coding.BillableEnabled is written workspace.coding.billableEnabled, as the report cites it.
    private static string ContractPath(string chain, List<string> reads)
    {
        const string evidence = "e.Evidence.";
        return chain.StartsWith(evidence, StringComparison.Ordinal) && reads is [var path] && path.Count(c => c == '.') == chain.Count(c => c == '.') - 2
            ? path
            : chain;
    }

    private static (string Chain, bool Value)? Comparison(string? when)
    {
        // Redundant parentheses around the whole comparison are read through: "(x.y == true)".
        while (when is not null && when.Trim() is ['(', .. var inner, ')'] && !inner.Contains('(', StringComparison.Ordinal) && !inner.Contains(')', StringComparison.Ordinal))
        {
            when = inner;
        }

        if (when is null || ComparisonPattern().Match(when) is not { Success: true } match)
        {
            return null;
        }

        return (match.Groups["chain"].Value, match.Groups["value"].Value == "true");
    }

    // "x.y.z == null", or the same with each prefix of the chain tested first ("x.y == null || x.y.z == null").
    private static bool NullTest(string when, string chain)
    {
        var tests = when.Split("||", StringSplitOptions.TrimEntries);
        if (tests.Length == 0 || NullPattern().Match(tests[^1]) is not { Success: true } last || last.Groups["chain"].Value != chain)
        {
            return false;
        }

        foreach (var test in tests[..^1])
        {
            if (NullPattern().Match(test) is not { Success: true } prefix || !chain.StartsWith(prefix.Groups["chain"].Value + ".", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<(string Expression, string Path)> Expressions(RuleDocument doc)
    {
        foreach (var (name, text) in doc.Conditions ?? [])
        {
            yield return (text, "$.conditions." + name);
        }

        foreach (var (name, text) in doc.SubjectValues ?? [])
        {
            yield return (text, "$.subjectValues." + name);
        }

        if (doc.AppliesWhen is { } applies)
        {
            yield return (applies, "$.appliesWhen");
        }

        if (doc.IndicatedWhen is { } indicated)
        {
            yield return (indicated, "$.indicatedWhen");
        }

        foreach (var (n, i) in (doc.NotWhen ?? []).Select((n, i) => (n, i)))
        {
            if (n.When is { } when)
            {
                yield return (when, $"$.notWhen[{i}].when");
            }
        }
    }

    // The 1-based line of the file's first comment, or null.
    private static long? FirstComment(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Comment)
            {
                return utf8.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?<chain>[A-Za-z_]\w*(\.[A-Za-z_]\w*)+)\s*==\s*(?<value>true|false)\s*$")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^\s*(?<chain>[A-Za-z_]\w*(\.[A-Za-z_]\w*)+)\s*==\s*null\s*$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^\s*(?<chain>[A-Za-z_]\w*(\.[A-Za-z_]\w*)+)\s*(==|!=|<=|>=|<|>)\s*[^\s=<>!&|()]+\s*$")]
    private static partial Regex ChainComparisonPattern();
}

/// <summary>What <see cref="RuleMigration.Migrate"/> made of a rule file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleMigrationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="migrated">The file in format 2, or <c>null</c>.</param>
    /// <param name="problems">Why it was not rewritten.</param>
    public RuleMigrationResult(string? migrated, IReadOnlyList<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Migrated = migrated;
        Problems = problems;
    }

    /// <summary>The file in format 2; <c>null</c> when it was not rewritten (it is format 2 already, or see <see cref="Problems"/>).</summary>
    public string? Migrated { get; }

    /// <summary>Why the file was not rewritten: each cause or expression whose answers a rewrite could change, with its line.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}
