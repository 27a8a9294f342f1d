using System.Text.Json;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using RulesEngine.Models;

namespace IntacctSync.Rules.Benchmarks.Naive;

/// <summary>
/// The naive embedding of INT402 in Microsoft RulesEngine: a Workflow holding every condition of
/// rules/sync/INT402.json as a rule, run with <c>ExecuteAllRulesAsync</c> once per dimension, with the
/// subject DTOs built per call. The engine is built once and reused, so RulesEngine compiles each
/// rule once and caches it; what is measured is the per-call path.
/// </summary>
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
    private readonly (int[] Established, int[] Excluded)[] _causes;
    private readonly string[] _ruleNames;

    public RulesEngineInt402(byte[] ruleFile)
    {
        using var rule = JsonDocument.Parse(ruleFile);
        var root = rule.RootElement;
        var rules = new List<Rule>();

        int Add(string name, string expression)
        {
            rules.Add(new Rule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression });
            return rules.Count - 1;
        }

        _applies = Add("appliesWhen", root.GetProperty("appliesWhen").GetString()!);
        _notWhen = Add("notWhen[0]", root.GetProperty("notWhen")[0].GetProperty("when").GetString()!);
        _indicated = Add("indicatedWhen", root.GetProperty("indicatedWhen").GetString()!);

        var causes = new List<(int[], int[])>();
        var ids = new List<string>();
        foreach (var cause in root.GetProperty("causes").EnumerateArray())
        {
            var id = cause.GetProperty("id").GetString()!;
            ids.Add(id);
            var established = cause.GetProperty("establishedWhen").EnumerateArray()
                .Select((c, i) => Add($"{id}.establishedWhen[{i}]", c.GetProperty("when").GetString()!)).ToArray();
            var excluded = cause.GetProperty("excludedWhen").EnumerateArray()
                .Select((c, i) => Add($"{id}.excludedWhen[{i}]", c.GetProperty("when").GetString()!)).ToArray();
            causes.Add((established, excluded));
        }

        if (!ids.SequenceEqual(Int402Decision.CauseIds, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"INT402.json's causes ({string.Join(", ", ids)}) are not the ones the benchmark's floor knows; update Int402Decision.CauseIds and HandWrittenInt402.");
        }

        _causes = [.. causes];
        _ruleNames = [.. rules.Select(r => r.RuleName)];
        var workflow = new Workflow { WorkflowName = WorkflowName, Rules = rules };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = CustomTypes });
    }

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
            verdicts[i] = _causes[i].Established.Any(r => results[r].IsSuccess) ? 'E'
                : _causes[i].Excluded.Any(r => results[r].IsSuccess) ? 'X'
                : 'P';
        }

        Certainty certainty;
        if (verdicts.Contains('E'))
        {
            certainty = Certainty.Confirmed;
        }
        else if (results[_notWhen].IsSuccess)
        {
            return null;
        }
        else if (dimension.NamedInMessage)
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

        var name = dimension.Name;
        return new Int402Decision(name.StartsWith('[') ? string.Empty : name, certainty, new string(verdicts));
    }
}
