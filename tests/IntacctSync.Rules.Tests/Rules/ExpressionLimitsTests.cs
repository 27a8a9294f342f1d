using System.Text.Json;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// Expressions large enough to overflow the stack of the parser, the sandbox or the compiler are refused by a linear
/// scan before any of them runs. These tests run on the ordinary test thread: were the check after the recursion,
/// they would end the test process.
/// </summary>
public sealed class ExpressionLimitsTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    public static TheoryData<string, string, string> TooLarge() => new()
    {
        { "5,000 nested parentheses", Repeat("(", 5_000) + "e.Failed" + Repeat(")", 5_000), "more than 4000 characters long (10008)" },
        { "100 nested parentheses", Repeat("(", 100) + "e.Failed" + Repeat(")", 100), "nest more than 32 deep (at character 33)" },
        { "50,000 +1", "1" + Repeat("+1", 50_000) + " > 0", "more than 4000 characters long (100005)" },
        { "20,000 &&", "e.Failed" + Repeat(" && e.Failed", 20_000), "more than 4000 characters long" },
        { "300 +1 within the length", "1" + Repeat("+1", 300) + " > 0", "more than 256 operators (the next at character 514)" },
        { "300 unary !", Repeat("!", 300) + "e.Failed", "more than 256 operators" },
        { "300 word operators", "e.Failed" + Repeat(" and true", 300), "more than 256 operators" },
        { "a chain of 300 calls", "e.Evidence.Report.SubmitterEmail" + Repeat(".Trim()", 300) + " == \"\"", "reads more than 64 members such as .Name or .Any(...) (the next at character 460)" },
        { "nested brackets", "e.Failed == " + Repeat("[", 40) + Repeat("]", 40), "nest more than 32 deep" },
        { "after an escaped backslash the parentheses count", "e.Evidence.Report.SubmitterEmail == \"\\\\\" || " + Repeat("(", 40) + "e.Failed" + Repeat(")", 40), "nest more than 32 deep" },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public void Compile_ExpressionOverALimit_IsAProblemAtItsLineBeforeAnythingRecursive(string name, string expression, string expected)
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"appliesWhen\": " + JsonSerializer.Serialize(expression));

        var (rule, problems) = RuleFiles.Compile(json, "my-rules/INT999.json");

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Equal(("my-rules/INT999.json", RuleFiles.LineOf(json, "\"appliesWhen\""), "INT999"), (problem.File, problem.Line, problem.Rule));
        Assert.StartsWith("$.appliesWhen: the condition is too large to load: ", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Contains(expected, StringComparison.Ordinal), problem.Message);
        Assert.Contains("split it into several conditions", problem.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    public static TheoryData<string> WithinLimits() => new()
    {
        { "e.Evidence.Report.SubmitterEmail == \"" + Repeat("(", 200) + "\"" },
        { "e.Evidence.Report.SubmitterEmail == \"\\\"" + Repeat("(", 200) + "\"" },
        { "e.Evidence.Report.SubmitterEmail == \"" + Repeat("&&", 300) + "\"" },
        { "e.Evidence.Report.SubmitterEmail != '('.ToString() && e.Evidence.Report.SubmitterEmail != \"and or not\"" },
        { Repeat("(", 32) + "e.Failed" + Repeat(")", 32) },
        { "e.Failed" + Repeat(" && true", 256) },
        { "1.5 + 2.25 > 0 && e.Evidence.Report.SubmitterEmail" + Repeat(".Trim()", 61) + " != \"\"" },
    };

    [Theory]
    [MemberData(nameof(WithinLimits))]
    public void Compile_TextInLiteralsAndExpressionsAtTheLimits_Loads(string expression)
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"appliesWhen\": " + JsonSerializer.Serialize(expression));

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Empty(problems);
        Assert.NotNull(rule);
    }

    [Fact]
    public void Check_MemberNamedLikeAWordOperator_IsNoOperator()
    {
        Assert.Equal(0, ExpressionLimits.Measure("e" + Repeat(".and", 60)).Operators);
        Assert.Equal(60, ExpressionLimits.Measure("e" + Repeat(" and e", 60)).Operators);
    }

    // The deepest trees the limits allow, compiled on half the smallest default thread stack (1 MB on
    // Windows): the limits leave the recursive code ample room, whichever thread a host loads rules on.
    public static TheoryData<string, string> DeepestAllowed() => new()
    {
        { "nesting", Repeat("(", ExpressionLimits.MaxDepth) + "e.Failed" + Repeat(")", ExpressionLimits.MaxDepth) },
        { "a chain of &&", "e.Failed" + Repeat(" && e.SignInFailed", ExpressionLimits.MaxMemberAccesses - 1) + Repeat(" && true", ExpressionLimits.MaxOperators - ExpressionLimits.MaxMemberAccesses + 1) },
        { "a chain of !", Repeat("!", ExpressionLimits.MaxOperators) + "e.Failed" },
        { "a chain of calls", "e.Evidence.Report.SubmitterEmail" + Repeat(".Trim()", ExpressionLimits.MaxMemberAccesses - 3) + " == \"\"" },
        { "nested lambdas", string.Concat(Enumerable.Range(0, ExpressionSandbox.MaxLambdaNesting).Select(i => $"e.Evidence.ApiErrors.Any(a{i} => a{i}.Description.Trim() != null && ")) + "e.Failed" + Repeat(")", ExpressionSandbox.MaxLambdaNesting) },
        { "a conditional chain", Repeat("e.Failed ? true : ", ExpressionLimits.MaxMemberAccesses - 1) + Repeat("false ? true : ", (ExpressionLimits.MaxOperators / 2) - ExpressionLimits.MaxMemberAccesses + 1) + "e.Failed" },
    };

    [Theory]
    [MemberData(nameof(DeepestAllowed))]
    public void CompileCondition_DeepestTreeTheLimitsAllow_FitsA512KbStack(string name, string expression)
    {
        Assert.Null(ExpressionLimits.Check(expression));
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    _ = new RuleCompiler(useGenerated: false).CompileCondition(DocumentSubjectKind.Instance, expression);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 512 * 1024);

        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void BuiltInCatalog_EveryExpression_IsFarWithinTheLimits()
    {
        var sites = new List<ExpressionSite>();
        var compiler = new RuleCompiler { Observer = sites.Add };
        foreach (var (source, utf8) in RuleSet.BuiltInFiles())
        {
            var problems = new List<RuleProblem>();
            Assert.NotNull(compiler.Compile(source, utf8, problems));
        }

        Assert.True(sites.Count > 100, $"{sites.Count} expressions");
        var sizes = sites.Select(s => ExpressionLimits.Measure(s.Expression)).ToArray();
        var (length, depth, operators, members) = (sizes.Max(s => s.Length), sizes.Max(s => s.Depth), sizes.Max(s => s.Operators), sizes.Max(s => s.Members));

        // ExpressionLimits and the README state the maxima measured when the limits were set: 426 characters, depth 3, 18 operators, 20 members.
        var maxima = $"built-in maxima: {length} characters, depth {depth}, {operators} operators, {members} members";
        Assert.True(length * 4 <= ExpressionLimits.MaxLength, maxima);
        Assert.True(depth * 4 <= ExpressionLimits.MaxDepth, maxima);
        Assert.True(operators * 4 <= ExpressionLimits.MaxOperators, maxima);
        Assert.True(members * 3 <= ExpressionLimits.MaxMemberAccesses, maxima);
    }
}
