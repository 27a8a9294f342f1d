using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Generators;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Generated;
using IntacctSync.Rules.Rules.Subjects;
using IntacctSync.Rules.Tests.Generation;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// The path of a Native AOT application, which cannot generate code: every expression of the built-in rules, parsed
/// and interpreted (<see cref="ExpressionEvaluation"/>, forced here through the compiler's <c>interpret</c> switch),
/// must return what the generated C# returns (the path built-in rules take everywhere), over every subject of every
/// case document. The same approach as <see cref="GeneratedConditionsTests"/>; build/aot-sample.sh runs the same
/// comparison in a real Native AOT build.
/// </summary>
public sealed class InterpretedConditionsTests
{
    [Fact]
    public void InterpretedExpressions_AgreeWithTheGeneratedCode_OnEverySubjectOfTheCorpus()
    {
        var rules = RuleSet.Load(includeBuiltIn: true, []);
        var compiler = new RuleCompiler(useGenerated: false, interpret: true);
        var documents = CorpusDocuments().Select(e => Facts(rules, e)).ToList();
        var disagreements = new List<string>();
        var evaluations = 0;
        var expressions = 0;
        var outcomes = new HashSet<string>(StringComparer.Ordinal);

        foreach (var site in ConditionsGenerator.Entries().Select(e => e.Site))
        {
            Func<object, EvidenceFacts, object?> generated, interpreted;
            Delegate compiled;
            if (site.IsValue)
            {
                Assert.True(GeneratedConditions.TryGetValue(site.Subject.Name, site.Expression, out var value));
                var parsed = compiler.CompileValue(site.Subject, site.Expression);
                (generated, interpreted, compiled) = ((s, f) => value(s, f), (s, f) => parsed(s, f), parsed);
            }
            else
            {
                Assert.True(GeneratedConditions.TryGetCondition(site.Subject.Name, site.Expression, out var condition));
                var parsed = compiler.CompileCondition(site.Subject, site.Expression);
                (generated, interpreted, compiled) = ((s, f) => condition(s, f), (s, f) => parsed(s, f), parsed);
            }

            Assert.True(IsInterpreted(compiled), $"{site.Source} {site.Path}: compiled, not interpreted ({compiled.Target?.GetType().FullName})");
            expressions++;

            foreach (var facts in documents)
            {
                foreach (var subject in site.Subject.Build(facts, facts.Matches))
                {
                    var expected = Outcome(generated, subject, facts);
                    var actual = Outcome(interpreted, subject, facts);
                    evaluations++;
                    outcomes.Add(expected);
                    if (expected != actual)
                    {
                        disagreements.Add($"generated {expected}, interpreted {actual}: {site.Source} {site.Path} \"{site.Expression}\"");
                    }
                }
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, the first: {string.Join(Environment.NewLine, disagreements.Take(10))}");
        Assert.True(expressions > 250, $"only {expressions} expressions");
        Assert.True(evaluations > 10_000, $"only {evaluations} evaluations: the corpus reached too few subjects to prove anything");
        Assert.Contains("True", outcomes);
        Assert.Contains("False", outcomes);
        Assert.Contains("null", outcomes);
    }

    [Fact]
    public void WithoutTheSwitch_ParsedExpressionsAreCompiled_WhereTheRuntimeCanGenerateCode()
    {
        Assert.False(ExpressionEvaluation.InterpretsAlways, "the test host is expected to run under the JIT");
        var condition = new RuleCompiler(useGenerated: false).CompileCondition(DimensionSubjectKind.Instance, "d.Active == false");

        Assert.False(IsInterpreted(condition), $"interpreted: {condition.Target?.GetType().FullName}");
    }

    [Fact]
    public void AnInterpretedCondition_IsThreeValued_ThroughAbsentObjectsAndNullableComparisons()
    {
        var compiler = new RuleCompiler(useGenerated: false, interpret: true);
        var condition = compiler.CompileCondition(
            DocumentSubjectKind.Instance,
            "e.Evidence.Intacct.Dimensions.Any(x => x.ValuesReturned < 1) && e.Evidence.Report.Expenses.Count > 0");
        var none = new EvidenceFacts(new SyncEvidence(), TimeProvider.System);
        var empty = new EvidenceFacts(new SyncEvidence { Intacct = new IntacctCompany { Dimensions = [new IntacctDimension { ValuesReturned = 0 }] }, Report = new Report { Expenses = [] } }, TimeProvider.System);
        var unknownCount = new EvidenceFacts(new SyncEvidence { Intacct = new IntacctCompany { Dimensions = [new IntacctDimension { ValuesReturned = 0 }] } }, TimeProvider.System);
        var noValues = new EvidenceFacts(new SyncEvidence { Intacct = new IntacctCompany { Dimensions = [new IntacctDimension { ValuesReturned = 3 }] } }, TimeProvider.System);

        Assert.Null(condition(none, none));
        Assert.False(condition(empty, empty));
        Assert.Null(condition(unknownCount, unknownCount));
        Assert.False(condition(noValues, noValues));
    }

    // The interpreter's delegates run its LightLambda, directly or through a thunk taking the arguments as an array;
    // IL compiled by System.Linq.Expressions closes over a Closure.
    private static bool IsInterpreted(Delegate compiled) => compiled.Target switch
    {
        Func<object?[], object?> thunk => thunk.Target?.GetType().FullName == LightLambda,
        var target => target?.GetType().FullName == LightLambda,
    };

    private const string LightLambda = "System.Linq.Expressions.Interpreter.LightLambda";

    private static string Outcome(Func<object, EvidenceFacts, object?> run, object subject, EvidenceFacts facts)
    {
        try
        {
            return run(subject, facts)?.ToString() ?? "null";
        }
        catch (Exception ex)
        {
            return "throws " + ex.GetType().Name;
        }
    }

    private static EvidenceFacts Facts(RuleSet rules, SyncEvidence evidence) =>
        new(evidence, new RuleCorpusTests.FixedTime())
        {
            Matches = [.. rules.Recognizer.Recognize(evidence.Messages), .. rules.ApiRecognizer.Recognize(evidence.ApiErrors)],
        };

    private static IEnumerable<SyncEvidence> CorpusDocuments() =>
        Directory.EnumerateFiles(RepoPaths.Cases, "*.json", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".verified.json", StringComparison.Ordinal) && !p.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => SyncEvidenceJson.Read(File.ReadAllBytes(p), p));
}
