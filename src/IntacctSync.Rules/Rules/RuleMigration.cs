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

        var causes = new JsonArray();
        foreach (var (cause, i) in (doc.Causes ?? []).Select((c, i) => (c, i)))
        {
            var path = $"$.causes[{i}]";
            if (Cause(cause, subjectType, out var reason) is { } migrated)
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

    private static JsonObject? Cause(CauseDocument cause, Type subjectType, out string reason)
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

        if (Comparison(established.When) is not { } yes || Comparison(excluded.When) is not { } no || yes.Chain != no.Chain || yes.Value == no.Value)
        {
            reason = $"establishedWhen \"{established.When}\" and excludedWhen \"{excluded.When}\" are not one fact compared with true and with false; write the when by hand";
            return null;
        }

        var reads = FactNames.Reads(yes.Chain, subjectType);
        if (reads.Count == 0)
        {
            reason = $"{yes.Chain} declares no contract path, so format 2 would cite nothing for it; read the facts themselves, or give the derived fact its paths ([Reads])";
            return null;
        }

        foreach (var (facts, what) in new[] { (established.Facts, "establishedWhen"), (excluded.Facts, "excludedWhen") })
        {
            if (!(facts ?? []).SequenceEqual(reads, StringComparer.Ordinal))
            {
                reason = $"{what} cites [{string.Join(", ", facts ?? [])}], while format 2 cites what {yes.Chain} reads: [{string.Join(", ", reads)}]; write it by hand";
                return null;
            }
        }

        var why = new JsonObject();
        foreach (var m in cause.MissingEvidence ?? [])
        {
            if (m.Field is null || !reads.Contains(m.Field))
            {
                reason = $"missingEvidence asks for {m.Field}, which {yes.Chain} does not read: write it by hand";
                return null;
            }

            if (!string.IsNullOrWhiteSpace(m.When) && !NullTest(m.When, yes.Chain))
            {
                reason = $"missingEvidence asks for {m.Field} when \"{m.When}\", not when {yes.Chain} is unknown: write it by hand";
                return null;
            }

            if (why.ContainsKey(m.Field))
            {
                reason = $"missingEvidence asks for {m.Field} twice";
                return null;
            }

            why[m.Field] = m.Why;
        }

        var written = new JsonObject
        {
            ["id"] = cause.Id,
            ["summary"] = cause.Summary,
            ["when"] = $"{ContractPath(yes.Chain, reads)} == {(yes.Value ? "true" : "false")}",
        };
        if (why.Count > 0)
        {
            written["why"] = why;
        }

        if (cause.OnlyWhenEstablished)
        {
            written["onlyWhenEstablished"] = true;
        }

        return written;
    }

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
