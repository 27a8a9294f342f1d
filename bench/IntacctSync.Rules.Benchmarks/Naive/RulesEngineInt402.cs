using System.Linq.Expressions;
using System.Text.Json;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace IntacctSync.Rules.Benchmarks.Naive;

/// <summary>
/// The naive embedding of INT402 in Microsoft RulesEngine: a Workflow holding every condition of
/// rules/sync/INT402.json as a rule, run with <c>ExecuteAllRulesAsync</c> once per dimension, with the
/// subject DTOs built per call. The engine is built once and reused, so RulesEngine compiles each
/// rule once and caches it; what is measured is the per-call path.
/// </summary>
/// <remarks>
/// INT402 is format 2: one three-valued <c>when</c> per cause (true establishes, false rules out, unknown leaves it
/// possible; absent facts are unknown). RulesEngine evaluates two-valued C#, where <c>!(d.Exists == false)</c> is true
/// on an unknown <c>exists</c>, so each cause becomes two rules written by <see cref="KleeneText"/> from the parsed
/// <c>when</c>: where it is known true, and where it is known false (its Kleene negation pushed down to the atoms,
/// checked by the library's own negation check); neither holds where the library says unknown. The gates are
/// written the same way (<c>appliesWhen</c> holds unless known false). The DTOs (<see cref="Int402Dimension"/>)
/// carry the members the conditions read, with the library's <c>DimensionSubject</c> meaning.
/// </remarks>
internal sealed class RulesEngineInt402
{
    private const string WorkflowName = "INT402";

    private static readonly Type[] CustomTypes =
    [
        typeof(Int402Dimension), typeof(Int402Document), typeof(SyncEvidence), typeof(IntacctDimension),
        typeof(CodingDimension), typeof(ApiError), typeof(ObjectRight), typeof(DimensionImport),
    ];

    private readonly RulesEngine.RulesEngine _engine;

    // Where each condition's result sits in the result list (RulesEngine returns results in rule order).
    private readonly int _applies;
    private readonly int _notWhen;
    private readonly int _indicated;
    private readonly (int Established, int Excluded)[] _causes;
    private readonly string[] _ruleNames;
    private readonly string[] _expressions;

    public RulesEngineInt402(byte[] ruleFile)
    {
        using var rule = JsonDocument.Parse(ruleFile);
        var root = rule.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetInt32() != 2)
        {
            throw new InvalidOperationException("INT402.json is not format 2; the embedding reads one three-valued when per cause.");
        }

        var named = root.TryGetProperty("conditions", out var conditions)
            ? conditions.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal)
            : null;
        var parser = new RuleExpressionParser(new ReSettings { CustomTypes = CustomTypes });
        ParameterExpression[] parameters = [Expression.Parameter(typeof(Int402Dimension), "d"), Expression.Parameter(typeof(Int402Document), "e")];
        var rules = new List<Rule>();

        // The rule file's text as the library reads it (named conditions expanded, format 2's section names through
        // e.Evidence), parsed by RulesEngine's own parser over the DTOs.
        Expression Parse(string text) => parser.Parse(FactNames.Rewrite(RuleCompiler.ExpandNamedConditions(text, named)), parameters, typeof(bool));

        int Add(string name, string expression)
        {
            rules.Add(new Rule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression });
            return rules.Count - 1;
        }

        // The gates as the library reads them: appliesWhen drops a dimension only where it is false, notWhen and
        // indicatedWhen count only where they are true.
        _applies = Add("appliesWhen", $"!{KleeneText.Holds(Parse(root.GetProperty("appliesWhen").GetString()!), value: false)}");
        if (root.GetProperty("notWhen") is not { ValueKind: JsonValueKind.Array } notWhen || notWhen.GetArrayLength() != 1 || notWhen[0].TryGetProperty("evenWhenEstablished", out _))
        {
            throw new InvalidOperationException("INT402.json's notWhen is no longer one entry silencing only unestablished findings; teach the embedding and the floors.");
        }

        _notWhen = Add("notWhen[0]", KleeneText.Holds(Parse(notWhen[0].GetProperty("when").GetString()!), value: true));
        _indicated = Add("indicatedWhen", KleeneText.Holds(Parse(root.GetProperty("indicatedWhen").GetString()!), value: true));

        var causes = new List<(int, int)>();
        var ids = new List<string>();
        foreach (var cause in root.GetProperty("causes").EnumerateArray())
        {
            var id = cause.GetProperty("id").GetString()!;
            ids.Add(id);
            if (cause.TryGetProperty("establishedOnlyIf", out _) || cause.TryGetProperty("onlyWhenEstablished", out _))
            {
                throw new InvalidOperationException($"INT402's cause {id} now has establishedOnlyIf or onlyWhenEstablished; teach the embedding and the floors.");
            }

            // One three-valued when: true establishes (one rule), false rules out (a second rule, the Kleene negation
            // pushed down to the atoms and checked by the library's own negation check), unknown leaves it possible.
            var when = Parse(cause.GetProperty("when").GetString()!);
            var negation = KleeneText.Negation(when);
            if (!RuleMigration.IsKleeneNegation(when, Parse(negation)))
            {
                throw new InvalidOperationException($"The negation written for INT402's {id} ({negation}) is not the Kleene negation of its when.");
            }

            causes.Add((Add($"{id}.when", KleeneText.Holds(when, value: true)), Add($"{id}.when:false", KleeneText.Holds(when, value: false))));
        }

        if (!ids.SequenceEqual(Int402Decision.CauseIds, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"INT402.json's causes ({string.Join(", ", ids)}) are not the ones the benchmark's floor knows; update Int402Decision.CauseIds and HandWrittenInt402.");
        }

        _causes = [.. causes];
        _ruleNames = [.. rules.Select(r => r.RuleName)];
        _expressions = [.. rules.Select(r => r.Expression)];
        var workflow = new Workflow { WorkflowName = WorkflowName, Rules = rules };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = CustomTypes });
    }

    /// <summary>Each RulesEngine rule's name and expression, in order: what the embedding runs.</summary>
    public IEnumerable<(string Name, string Expression)> Conditions => _ruleNames.Zip(_expressions);

    public int RuleCount => _ruleNames.Length;

    public async Task<List<Int402Decision>> DecideAsync(SyncEvidence evidence)
    {
        var decisions = new List<Int402Decision>();
        if (evidence.Operation == SyncOperation.Export)
        {
            return decisions;
        }

        var document = new Int402Document(evidence);
        foreach (var dimension in Int402Join.Dimensions(evidence))
        {
            var results = await _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("d", dimension), new RuleParameter("e", document));
            if (Decide(results, dimension, document) is { } decision)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }

    /// <summary>Throws if any rule failed with an exception rather than evaluating to false, or results come back out of rule order.</summary>
    public async Task CheckNoErrorsAsync(SyncEvidence evidence, string document)
    {
        var facts = new Int402Document(evidence);
        foreach (var dimension in Int402Join.Dimensions(evidence))
        {
            var results = await _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("d", dimension), new RuleParameter("e", facts));
            if (!results.Select(r => r.Rule.RuleName).SequenceEqual(_ruleNames, StringComparer.Ordinal))
            {
                throw new InvalidOperationException("RulesEngine returned results out of rule order.");
            }

            foreach (var result in results)
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed on {document}: {result.ExceptionMessage}");
                }
            }
        }
    }

    private Int402Decision? Decide(List<RuleResultTree> results, Int402Dimension dimension, Int402Document document)
    {
        if (!results[_applies].IsSuccess)
        {
            return null;
        }

        var verdicts = new char[_causes.Length];
        for (var i = 0; i < _causes.Length; i++)
        {
            verdicts[i] = results[_causes[i].Established].IsSuccess ? 'E' : results[_causes[i].Excluded].IsSuccess ? 'X' : 'P';
        }

        // The library's order (RuleBasedClassifier.Evaluate): a notWhen never silences a dimension a message of the code
        // named, and silences the others only while no cause is established.
        Certainty certainty;
        var mentioned = dimension.NamedInMessage;
        if (!mentioned && !verdicts.Contains('E') && results[_notWhen].IsSuccess)
        {
            return null;
        }
        else if (verdicts.Contains('E'))
        {
            certainty = Certainty.Confirmed;
        }
        else if (mentioned)
        {
            certainty = Certainty.Likely;
        }
        else if (document.Failed && verdicts.Contains('P') && results[_indicated].IsSuccess)
        {
            certainty = Certainty.Possible;
        }
        else
        {
            return null;
        }

        return new Int402Decision(dimension.SubjectName ?? string.Empty, certainty, new string(verdicts));
    }
}
