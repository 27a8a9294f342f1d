using System.Linq.Expressions;
using System.Text.Json;
using IntacctSync.Rules.Classification;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace IntacctSync.Rules.Benchmarks.Naive;

/// <summary>
/// The naive embedding of the whole built-in catalog in Microsoft RulesEngine: every rule file's conditions
/// run through <c>ExecuteAllRulesAsync</c>, per subject and per call. Each rule file becomes two workflows:
/// its gate (<c>appliesWhen</c> and <c>notWhen</c>), run for every subject of the rule's kind, and its
/// verdicts (<c>indicatedWhen</c> and, per format 2 cause, where its <c>when</c> establishes and where it rules
/// out; per format 1 cause its <c>establishedWhen</c> and <c>excludedWhen</c>), run only for the subjects the
/// gate lets through, so RulesEngine is not charged for conditions the library skips.
/// </summary>
/// <remarks>
/// What it shares with the library is everything that is not rule evaluation: the evidence facts, the
/// recognized messages and API errors, and the subjects (each dimension and expense joined with its
/// evidence), built by the library's own code. The expressions are the rule files' text, parsed by
/// RulesEngine with the same custom types the library's compiler allows; a format 2 condition is written back
/// by <see cref="KleeneText"/> as two-valued text that holds exactly where the library's three-valued value
/// decides (as <see cref="RulesEngineInt402"/> does). It decides (code, certainty and
/// each cause's verdict per subject, with the library's decision order) and writes no report. The engine
/// is built once, so each workflow is compiled once and cached by RulesEngine.
/// </remarks>
internal sealed class RulesEngineCatalog
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly RuleSet _rules;
    private readonly Dictionary<string, NaiveRule> _byCode;
    private readonly Dictionary<CompiledRule, NaiveRule> _byRule;

    public RulesEngineCatalog(IReadOnlyList<(string Path, byte[] Json)> ruleFiles)
    {
        _rules = RuleSet.Load(includeBuiltIn: true, directories: []);
        _byCode = new Dictionary<string, NaiveRule>(StringComparer.Ordinal);
        var workflows = new List<Workflow>();
        foreach (var (path, json) in ruleFiles)
        {
            var rule = NaiveRule.Read(path, json);
            _byCode.Add(rule.Code, rule);
            // RulesEngine refuses a workflow without rules; Execute never calls one.
            workflows.AddRange(new[] { rule.GateWorkflow, rule.VerdictWorkflow }.Where(w => w.Rules.Any()));
        }

        _byRule = [];
        foreach (var compiled in _rules.Rules)
        {
            if (!_byCode.TryGetValue(compiled.Code, out var naive))
            {
                throw new InvalidOperationException($"The built-in rule {compiled.Code} has no rule file among the embedded ones; check the EmbeddedResource of rules/ in the csproj.");
            }

            naive.Match(compiled);
            _byRule.Add(compiled, naive);
        }

        if (_byRule.Count != _byCode.Count)
        {
            throw new InvalidOperationException($"{_byCode.Count} rule files are embedded but the built-in catalog has {_byRule.Count} rules.");
        }

        _engine = new RulesEngine.RulesEngine([.. workflows], new ReSettings { CustomTypes = RuleCompiler.ExpressionTypes });
    }

    /// <summary>The number of RulesEngine rules (one per condition) over all workflows.</summary>
    public int ConditionCount => _byCode.Values.Sum(r => r.GateWorkflow.Rules.Count() + r.VerdictWorkflow.Rules.Count());

    public int RuleFileCount => _byCode.Count;

    /// <summary>The format 2 conditions left on the rule's own text because KleeneText does not write their shape, each with why.</summary>
    public IEnumerable<string> Unwritten => _byCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal).SelectMany(r => r.Unwritten);

    /// <summary>The decisions for one document, in the library's order (subject kind, rule, subject).</summary>
    public async Task<List<NaiveDecision>> DecideAsync(SyncEvidence evidence)
    {
        var facts = Facts(evidence);
        var decisions = new List<NaiveDecision>();
        var plan = _rules.PlanFor(evidence.Operation);
        for (var k = 0; k < plan.Count; k++)
        {
            var (kind, rules) = plan[k];
            var subjects = kind.Build(facts, facts.Matches);
            foreach (var rule in rules)
            {
                var naive = _byRule[rule];
                for (var s = 0; s < subjects.Count; s++)
                {
                    if (await DecideAsync(naive, rule, subjects[s], facts) is { } decision)
                    {
                        decisions.Add(decision);
                    }
                }
            }
        }

        if (decisions.Count == 0 && facts.Failed)
        {
            foreach (var fallback in _rules.Fallbacks)
            {
                if (await DecideAsync(_byRule[fallback], fallback, facts, facts) is { } decision)
                {
                    decisions.Add(decision with { Certainty = Certainty.Possible });
                }
            }
        }

        return decisions;
    }

    /// <summary>How many RulesEngine evaluations threw (a read through an absent object) in the checks so far.</summary>
    public int Threw { get; private set; }

    /// <summary>How many of the compared values were where the library's value is unknown (a rule written by KleeneText), in the checks so far.</summary>
    public int ComparedUnknown { get; private set; }

    /// <summary>
    /// The honesty check for one document: for every rule and subject the library would evaluate, every
    /// condition of both workflows gives, through RulesEngine, what the library's compiled condition gives where it is
    /// known, and where it is unknown what the library's reading of unknown gives (for a rule written by
    /// <see cref="KleeneText"/>); no rule written by KleeneText failed with an exception.
    /// </summary>
    /// <returns>How many condition values were compared.</returns>
    public async Task<int> CheckConditionsAsync(SyncEvidence evidence, string document)
    {
        var facts = Facts(evidence);
        var compared = 0;
        var pairs = _rules.PlanFor(evidence.Operation)
            .SelectMany(p => p.Rules.Select(r => (p.Kind, Rule: r)))
            .Concat(_rules.Fallbacks.Select(r => (Kind: r.Subject, Rule: r)));
        foreach (var (kind, rule) in pairs)
        {
            var naive = _byRule[rule];
            foreach (var subject in kind.Build(facts, facts.Matches))
            {
                var gate = await Execute(naive.GateWorkflow, subject, facts);
                var verdicts = await Execute(naive.VerdictWorkflow, subject, facts);
                var conditions = gate.Zip(naive.GateConditions(rule), naive.GateUnknownAs)
                    .Concat(verdicts.Zip(naive.VerdictConditions(rule), naive.VerdictUnknownAs));
                foreach (var (result, library, unknownAs) in conditions)
                {
                    // The rule files read through absent objects without guards, as the library allows: plain C# throws
                    // there. KleeneText's rules read them through np(...) and must never throw; for a rule left on its own
                    // text such a failure is what C#'s guard would have made false, which the library may read as unknown
                    // but never as true.
                    if (!string.IsNullOrEmpty(result.ExceptionMessage))
                    {
                        if (unknownAs is not null || library(subject, facts) == true)
                        {
                            throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed on {document}, where the library's condition holds: {result.ExceptionMessage}");
                        }

                        Threw++;
                        continue;
                    }

                    // The library is three-valued. A rule written by KleeneText must give the library's known value, and
                    // where the library says unknown what the library's reading of unknown gives (an appliesWhen true,
                    // anything else false). A rule left on its own text is compared only where the library knows its
                    // value: there C#'s two-valued reading may say either.
                    var value = library(subject, facts);
                    if (value is null && unknownAs is not null)
                    {
                        ComparedUnknown++;
                    }

                    if ((value ?? unknownAs) is { } expected && result.IsSuccess != expected)
                    {
                        throw new InvalidOperationException(
                            $"{document}: {rule.Code} {result.Rule.RuleName} ({result.Rule.Expression}) is {result.IsSuccess} through RulesEngine but {(value is null ? "unknown" : value.ToString())} in the library, for subject {kind.SortKey(subject)}.");
                    }

                    compared++;
                }
            }
        }

        return compared;
    }

    private EvidenceFacts Facts(SyncEvidence evidence) => RuleBasedClassifier.Facts(_rules, evidence, TimeProvider.System);

    private async Task<List<RuleResultTree>> Execute(Workflow workflow, object subject, EvidenceFacts facts) =>
        workflow.Rules.Any()
            ? await _engine.ExecuteAllRulesAsync(workflow.WorkflowName, new RuleParameter("d", subject), new RuleParameter("e", facts))
            : [];

    /// <summary>The library's decision (<c>RuleBasedClassifier.Evaluate</c>), over RulesEngine's results.</summary>
    private async Task<NaiveDecision?> DecideAsync(NaiveRule naive, CompiledRule rule, object subject, EvidenceFacts facts)
    {
        var gate = await Execute(naive.GateWorkflow, subject, facts);
        if (naive.HasAppliesWhen && !gate[0].IsSuccess)
        {
            return null;
        }

        var results = await Execute(naive.VerdictWorkflow, subject, facts);
        var verdicts = new char[naive.Causes.Length];
        for (var i = 0; i < verdicts.Length; i++)
        {
            var (established, excluded) = naive.Causes[i];
            verdicts[i] = established.Any(r => results[r].IsSuccess) ? 'E' : excluded.Any(r => results[r].IsSuccess) ? 'X' : 'P';
        }

        // A notWhen never silences a subject a message of the code named, and silences the others only while no cause
        // is established, unless it says evenWhenEstablished.
        Certainty certainty;
        var anyEstablished = verdicts.Contains('E');
        var mentioned = rule.Subject.IsMentionedBy(subject, rule.Code);
        if (!mentioned && gate.Skip(naive.HasAppliesWhen ? 1 : 0).Where((_, i) => !anyEstablished || naive.HidesEstablished[i]).Any(r => r.IsSuccess))
        {
            return null;
        }
        else if (anyEstablished)
        {
            certainty = Certainty.Confirmed;
        }
        else if (mentioned)
        {
            certainty = Certainty.Likely;
        }
        else if (facts.Failed && (verdicts.Contains('P') || verdicts.Length == 0) && (naive.HasIndicatedWhen ? results[0].IsSuccess : rule.Fallback))
        {
            certainty = Certainty.Possible;
        }
        else
        {
            return null;
        }

        return new NaiveDecision(rule.Code, rule.Subject.SortKey(subject), certainty, new string(verdicts));
    }
}

/// <summary>One decision of the naive embedding: a code for a subject, with each cause's verdict (E, X or P).</summary>
internal sealed record NaiveDecision(string Code, string Subject, Certainty Certainty, string Verdicts);

/// <summary>A rule file read as RulesEngine workflows, with where each condition's result sits.</summary>
internal sealed class NaiveRule
{
    private NaiveRule(string code, Workflow gate, Workflow verdicts, bool hasAppliesWhen, bool hasIndicatedWhen, (int[] Established, int[] Excluded)[] causes, string[] causeIds, bool[] hidesEstablished, string[] unwritten, bool?[] gateUnknownAs, bool?[] verdictUnknownAs)
    {
        Unwritten = unwritten;
        GateUnknownAs = gateUnknownAs;
        VerdictUnknownAs = verdictUnknownAs;
        HidesEstablished = hidesEstablished;
        Code = code;
        GateWorkflow = gate;
        VerdictWorkflow = verdicts;
        HasAppliesWhen = hasAppliesWhen;
        HasIndicatedWhen = hasIndicatedWhen;
        Causes = causes;
        CauseIds = causeIds;
    }

    public string Code { get; }

    /// <summary>The format 2 conditions KleeneText could not write two-valued (left on the rule's own text), each with why.</summary>
    public string[] Unwritten { get; }

    /// <summary>
    /// Per rule of <see cref="GateWorkflow"/>, what it gives where the library's condition is unknown: an
    /// <c>appliesWhen</c> true (it drops nothing), any other false; <c>null</c> for a rule left on its own text.
    /// </summary>
    public bool?[] GateUnknownAs { get; }

    /// <summary>Per rule of <see cref="VerdictWorkflow"/>, what it gives where the library's condition is unknown (false), or <c>null</c>.</summary>
    public bool?[] VerdictUnknownAs { get; }

    /// <summary>For each <c>notWhen</c>: whether it hides the finding even when a cause is established.</summary>
    public bool[] HidesEstablished { get; }

    /// <summary><c>appliesWhen</c> (when present) first, then each <c>notWhen</c>.</summary>
    public Workflow GateWorkflow { get; }

    /// <summary><c>indicatedWhen</c> (when present) first, then each cause's established and excluded conditions.</summary>
    public Workflow VerdictWorkflow { get; }

    public bool HasAppliesWhen { get; }

    public bool HasIndicatedWhen { get; }

    /// <summary>Per cause, the indexes in <see cref="VerdictWorkflow"/>'s results of its conditions.</summary>
    public (int[] Established, int[] Excluded)[] Causes { get; }

    private string[] CauseIds { get; }

    public static NaiveRule Read(string path, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var code = root.GetProperty("code").GetString()!;

        var named = root.TryGetProperty("conditions", out var conditions)
            ? conditions.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal)
            : null;
        var format2 = root.TryGetProperty("format", out var format) && format.GetInt32() == 2;
        var subjectName = root.TryGetProperty("subject", out var subjectElement) ? subjectElement.GetString() : null;
        SubjectKind subject = subjectName switch
        {
            "dimension" => DimensionSubjectKind.Instance,
            "expense" => ExpenseSubjectKind.Instance,
            _ => DocumentSubjectKind.Instance,
        };
        ParameterExpression[] parameters = [Expression.Parameter(subject.SubjectType, "d"), Expression.Parameter(typeof(EvidenceFacts), "e")];
        var unwritten = new List<string>();

        // What each rule written with the library's reading of unknown gives where the library's value is unknown.
        var unknownAs = new Dictionary<Rule, bool>(ReferenceEqualityComparer.Instance);
        var gate = new List<Rule>();
        var hidesEstablished = new List<bool>();
        var hasApplies = root.TryGetProperty("appliesWhen", out var applies);
        if (hasApplies)
        {
            // The gates as the library reads them: appliesWhen drops a subject only where it is known false.
            gate.Add(Gate("appliesWhen", applies.GetString()!, text => $"!({KleeneText.Holds(Parse(text), value: false)})", unknown: true));
        }

        if (root.TryGetProperty("notWhen", out var notWhen))
        {
            var i = 0;
            foreach (var item in notWhen.EnumerateArray())
            {
                // notWhen silences only where it is known true.
                gate.Add(Gate($"notWhen[{i++}]", item.GetProperty("when").GetString()!, text => KleeneText.Holds(Parse(text), value: true), unknown: false));
                hidesEstablished.Add(item.TryGetProperty("evenWhenEstablished", out var even) && even.GetBoolean());
            }
        }

        var verdicts = new List<Rule>();
        var hasIndicated = root.TryGetProperty("indicatedWhen", out var indicated);
        if (hasIndicated)
        {
            // indicatedWhen points at the code only where it is known true.
            verdicts.Add(Gate("indicatedWhen", indicated.GetString()!, text => KleeneText.Holds(Parse(text), value: true), unknown: false));
        }

        var causes = new List<(int[], int[])>();
        var ids = new List<string>();
        if (root.TryGetProperty("causes", out var causeArray))
        {
            foreach (var cause in causeArray.EnumerateArray())
            {
                var id = cause.GetProperty("id").GetString()!;
                ids.Add(id);
                if (format2)
                {
                    // Format 2: one three-valued condition; true establishes (with establishedOnlyIf true too, when the
                    // cause has one), false rules out, unknown leaves the cause possible. Each is written by KleeneText
                    // as two-valued text true exactly where the library's value is: the ruling-out rule is the Kleene
                    // negation pushed down to the atoms, checked by the library's own negation check.
                    var when = cause.GetProperty("when").GetString()!;
                    var only = cause.TryGetProperty("establishedOnlyIf", out var onlyIf) ? onlyIf.GetString()! : null;
                    string established, excluded;
                    var written = true;
                    try
                    {
                        var parsed = Parse(when);
                        var negation = KleeneText.Negation(parsed);
                        if (!RuleMigration.IsKleeneNegation(parsed, Parse(negation)))
                        {
                            throw new NotSupportedException($"the negation written ({negation}) is not the Kleene negation of the when");
                        }

                        established = KleeneText.Holds(parsed, value: true);
                        if (only is not null)
                        {
                            established = $"({established}) && ({KleeneText.Holds(Parse(only), value: true)})";
                        }

                        excluded = KleeneText.Holds(parsed, value: false);
                    }
                    catch (NotSupportedException ex)
                    {
                        // Not written two-valued: the old text stays, and the check says so.
                        unwritten.Add($"{code} {id}: {ex.Message}");
                        written = false;
                        established = Text(only is null ? when : $"({when}) && ({only})");
                        excluded = Text("!(" + when + ")");
                    }

                    verdicts.Add(new() { RuleName = $"{id}.when", Expression = established, RuleExpressionType = RuleExpressionType.LambdaExpression });
                    verdicts.Add(new() { RuleName = $"{id}.when:false", Expression = excluded, RuleExpressionType = RuleExpressionType.LambdaExpression });
                    if (written)
                    {
                        // Neither establishes nor rules out where the library's value is unknown.
                        unknownAs[verdicts[^2]] = false;
                        unknownAs[verdicts[^1]] = false;
                    }

                    causes.Add(([verdicts.Count - 2], [verdicts.Count - 1]));
                    continue;
                }

                causes.Add((Add(cause, "establishedWhen"), Add(cause, "excludedWhen")));

                int[] Add(JsonElement owner, string name)
                {
                    if (!owner.TryGetProperty(name, out var conditions))
                    {
                        return [];
                    }

                    var indexes = new List<int>();
                    var i = 0;
                    foreach (var condition in conditions.EnumerateArray())
                    {
                        verdicts.Add(Condition($"{id}.{name}[{i++}]", condition.GetProperty("when").GetString()!));
                        indexes.Add(verdicts.Count - 1);
                    }

                    return [.. indexes];
                }
            }
        }

        return new NaiveRule(
            code,
            new Workflow { WorkflowName = code + ":gate", Rules = gate },
            new Workflow { WorkflowName = code + ":verdicts", Rules = verdicts },
            hasApplies,
            hasIndicated,
            [.. causes],
            [.. ids],
            [.. hidesEstablished],
            [.. unwritten],
            [.. gate.Select(r => unknownAs.TryGetValue(r, out var v) ? v : (bool?)null)],
            [.. verdicts.Select(r => unknownAs.TryGetValue(r, out var v) ? v : (bool?)null)]);

        // Named conditions (@name) are replaced, and format 2's section names read through e.Evidence, as the library's compiler does.
        Rule Condition(string name, string expression) =>
            new() { RuleName = name, Expression = Text(expression), RuleExpressionType = RuleExpressionType.LambdaExpression };

        string Text(string expression)
        {
            var expanded = RuleCompiler.ExpandNamedConditions(expression, named);
            return NullSafe(format2 ? FactNames.Rewrite(expanded) : expanded);
        }

        // The rule file's text as the library reads it, parsed by RulesEngine's own parser over the subject's types.
        Expression Parse(string text) =>
            Parser.Parse(FactNames.Rewrite(RuleCompiler.ExpandNamedConditions(text, named)), parameters, typeof(bool));

        // A gate: format 2 writes it with the library's reading of unknown; a shape KleeneText does not write keeps the old text.
        Rule Gate(string name, string expression, Func<string, string> write, bool unknown)
        {
            if (!format2)
            {
                return Condition(name, expression);
            }

            try
            {
                var rule = new Rule { RuleName = name, Expression = write(expression), RuleExpressionType = RuleExpressionType.LambdaExpression };
                unknownAs[rule] = unknown;
                return rule;
            }
            catch (NotSupportedException ex)
            {
                unwritten.Add($"{code} {name}: {ex.Message}");
                return Condition(name, expression);
            }
        }
    }

    private static readonly RuleExpressionParser Parser = new(new ReSettings { CustomTypes = RuleCompiler.ExpressionTypes });

    private static readonly string[] Predicates = ["Any", "All", "Contains", "StartsWith", "EndsWith", "Equals"];

    /// <summary>
    /// The rule text as a RulesEngine user would write it to read the same absent objects without throwing: each
    /// chain through the evidence (<c>e.Evidence.Connection.EverSucceeded</c>) in System.Linq.Dynamic.Core's
    /// null-propagating <c>np(...)</c>, a call on such a chain inside it (<c>np(e.Evidence.ApiErrors.Any(...)) == true</c>
    /// for a predicate). The library reads these chains three-valued by itself (ThreeValued); plain C# throws on them,
    /// and a baseline that threw would be slower for the wrong reason.
    /// </summary>
    internal static string NullSafe(string expression)
    {
        var text = new System.Text.StringBuilder(expression.Length + 32);
        var i = 0;
        while (i < expression.Length)
        {
            var start = expression.IndexOf("e.Evidence.", i, StringComparison.Ordinal);
            if (start < 0 || (start > 0 && (char.IsLetterOrDigit(expression[start - 1]) || expression[start - 1] == '.')))
            {
                var upTo = start < 0 ? expression.Length : start + 1;
                text.Append(expression, i, upTo - i);
                i = upTo;
                continue;
            }

            text.Append(expression, i, start - i);
            var end = start + "e.Evidence".Length;
            var segments = 0;
            var lastSegment = string.Empty;
            while (end < expression.Length && expression[end] == '.')
            {
                var nameStart = end + 1;
                var nameEnd = nameStart;
                while (nameEnd < expression.Length && (char.IsLetterOrDigit(expression[nameEnd]) || expression[nameEnd] == '_'))
                {
                    nameEnd++;
                }

                segments++;
                lastSegment = expression[nameStart..nameEnd];
                end = nameEnd;
                if (end < expression.Length && expression[end] == '(')
                {
                    // A call: take its arguments whole.
                    var depth = 0;
                    do
                    {
                        depth += expression[end] == '(' ? 1 : expression[end] == ')' ? -1 : 0;
                        end++;
                    }
                    while (end < expression.Length && depth > 0);
                    break;
                }
            }

            var chain = expression[start..end];
            var isCall = chain.EndsWith(')');
            if (segments < 2 && !isCall)
            {
                text.Append(chain);
            }
            else if (isCall && Predicates.Contains(lastSegment))
            {
                text.Append("(np(").Append(chain).Append(") == true)");
            }
            else
            {
                text.Append("np(").Append(chain).Append(')');
            }

            i = end;
        }

        return text.ToString();
    }

    /// <summary>Throws unless the compiled rule has the same shape (conditions and causes) as the file read here.</summary>
    public void Match(CompiledRule rule)
    {
        var same = (rule.AppliesWhen is not null) == HasAppliesWhen
            && (rule.IndicatedWhen is not null) == HasIndicatedWhen
            && GateWorkflow.Rules.Count() == (HasAppliesWhen ? 1 : 0) + rule.NotWhen.Length
            && rule.Causes.Select(c => c.Id).SequenceEqual(CauseIds, StringComparer.Ordinal)
            && rule.Causes.Zip(Causes).All(p => p.First.Verdict is not null
                ? p.Second.Established.Length == 1 && p.Second.Excluded.Length == 1
                : p.First.EstablishedWhen.Length == p.Second.Established.Length && p.First.ExcludedWhen.Length == p.Second.Excluded.Length);
        if (!same)
        {
            throw new InvalidOperationException($"The rule file for {Code} and the library's compiled {rule.Code} differ in shape; is the embedded file the built-in one?");
        }
    }

    /// <summary>The library's compiled conditions in <see cref="GateWorkflow"/>'s order.</summary>
    public IEnumerable<Condition> GateConditions(CompiledRule rule) =>
        (rule.AppliesWhen is { } applies ? [applies] : Array.Empty<Condition>()).Concat(rule.NotWhen.Select(n => n.When));

    /// <summary>The library's compiled conditions in <see cref="VerdictWorkflow"/>'s order.</summary>
    public IEnumerable<Condition> VerdictConditions(CompiledRule rule) =>
        (rule.IndicatedWhen is { } indicated ? [indicated] : Array.Empty<Condition>())
            .Concat(rule.Causes.SelectMany(c => c.Verdict is { } verdict
                ? new Condition[] { Established(verdict), (subject, facts) => !verdict.When(subject, facts) }
                : c.EstablishedWhen.Select(w => w.When).Concat(c.ExcludedWhen.Select(w => w.When))));

    /// <summary>
    /// What establishes a format 2 cause: its when true, and its establishedOnlyIf (if any) true as well. Read as the
    /// Kleene <c>when &amp;&amp; establishedOnlyIf</c>: true where it establishes, false where the library knows it does
    /// not, unknown where that rests on an unknown fact (compared as false for a rule KleeneText wrote, not at all for
    /// one left on its own text).
    /// </summary>
    private static Condition Established(CompiledVerdict verdict) => verdict.EstablishedOnlyIf is { } only
        ? (subject, facts) => (verdict.When(subject, facts), only(subject, facts)) switch
        {
            (false, _) or (_, false) => false,
            (true, true) => true,
            _ => null,
        }
        : verdict.When;
}
