using System.Linq.Expressions;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>Rule expressions reach only the evidence model and plain values: hostile ones are refused at load.</summary>
public class ExpressionSandboxTests
{
    public static TheoryData<string> HostileExpressions() => new()
    {
        "e.GetType().Assembly != null",
        "e.GetType().Assembly.FullName == \"x\"",
        "\"\".GetType().GetMethods().Length > 0",
        "System.IO.File.ReadAllText(\"x\") == \"\"",
        "File.Exists(\"/etc/passwd\")",
        "Environment.GetEnvironmentVariable(\"PATH\") != null",
        "System.Environment.Exit(1) == null",
        "Type.GetType(\"System.Diagnostics.Process\") != null",
        "typeof(System.Diagnostics.Process) != null",
        "Activator.CreateInstance(\"x\", \"y\") != null",
        "AppDomain.CurrentDomain.FriendlyName == \"\"",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "e.Evidence.GetType().GetProperty(\"Workspace\").GetValue(e.Evidence) != null",
        "Convert.ChangeType(e, e.GetType()) != null",
    };

    [Theory]
    [MemberData(nameof(HostileExpressions))]
    public void Compile_HostileCondition_RefusedWithFileLineAndRule(string expression)
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", $"\"appliesWhen\": {System.Text.Json.JsonSerializer.Serialize(expression)}");

        var (rule, problems) = RuleFiles.Compile(json, "my-rules/INT999.json");

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Equal("my-rules/INT999.json", problem.File);
        Assert.Equal("INT999", problem.Rule);
        Assert.Equal(RuleFiles.LineOf(json, "\"appliesWhen\""), problem.Line);
        Assert.StartsWith("$.appliesWhen: the condition", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_GetTypeOnEvidence_NamesTheMember()
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", "\"appliesWhen\": \"e.GetType().Name == \\\"EvidenceFacts\\\"\"");

        var (_, problems) = RuleFiles.Compile(json);

        var problem = Assert.Single(problems);
        Assert.Contains("is not allowed", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Expression, string> HostileTrees()
    {
        var e = Expression.Parameter(typeof(EvidenceFacts), "e");
        return new()
        {
            { "GetType", Expression.Call(e, typeof(object).GetMethod(nameof(GetType))!), "System.Object.GetType(...)" },
            { "File.ReadAllText", Expression.Call(typeof(File).GetMethod(nameof(File.ReadAllText), [typeof(string)])!, Expression.Constant("x")), "System.IO.File.ReadAllText(...)" },
            { "Environment", Expression.Call(typeof(Environment).GetMethod(nameof(Environment.GetEnvironmentVariable), [typeof(string)])!, Expression.Constant("PATH")), "System.Environment.GetEnvironmentVariable(...)" },
            { "typeof constant", Expression.Constant(typeof(string)), "System.RuntimeType" },
            { "member of a reflection value", Expression.Property(Expression.Call(e, typeof(object).GetMethod(nameof(GetType))!), nameof(Type.Assembly)), "System.Object.GetType(...)" },
            { "Activator", Expression.Call(typeof(Activator).GetMethod(nameof(Activator.CreateInstance), [typeof(string), typeof(string)])!, Expression.Constant("System"), Expression.Constant("System.Object")), "System.Activator.CreateInstance(...)" },
            { "AppDomain", Expression.Property(null, typeof(AppDomain), nameof(AppDomain.CurrentDomain)), "System.AppDomain" },
            { "invoke a delegate", Expression.Invoke(Expression.Constant(new Func<bool>(() => true))), "invoking a delegate" },
            { "new of a foreign type", Expression.New(typeof(System.Text.StringBuilder)), "new System.Text.StringBuilder(...)" },
            { "evidence reader", Expression.Call(typeof(SyncEvidenceJson).GetMethod(nameof(SyncEvidenceJson.Read), [typeof(string), typeof(string), typeof(int)])!, Expression.Constant("{}"), Expression.Constant("x"), Expression.Constant(1)), "SyncEvidenceJson.Read(...)" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileTrees))]
    public void Violation_HostileTree_NamesWhatIsNotAllowed(string name, Expression tree, string named)
    {
        var violation = ExpressionSandbox.Violation(tree);

        Assert.NotNull(violation);
        Assert.Contains(named, violation, StringComparison.Ordinal);
        Assert.Contains("not allowed", violation, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    public static TheoryData<string> AllowedExpressions() => new()
    {
        "d.Active == false",
        "d.Name != null && d.Name.ToUpperInvariant().StartsWith(\"COST\")",
        "e.Evidence.ApiErrors != null && e.Evidence.ApiErrors.Any(a => a.Description != null && a.Description.Contains(\"denied\"))",
        "e.Today.AddDays(30) > e.Today && e.Today.Year > 2000",
        "Math.Abs(-1) == 1 && e.HasMessageOf(\"INT402\")",
    };

    [Theory]
    [MemberData(nameof(AllowedExpressions))]
    public void Parse_ModelExpression_PassesTheSandbox(string expression)
    {
        var parser = new RulesEngine.ExpressionBuilders.RuleExpressionParser(new RulesEngine.Models.ReSettings { CustomTypes = [typeof(DimensionSubject), typeof(EvidenceFacts)] });
        Expression[] parameters = [Expression.Parameter(typeof(DimensionSubject), "d"), Expression.Parameter(typeof(EvidenceFacts), "e")];

        var body = ExpressionSandbox.Parse(parser, expression, [.. parameters.Cast<ParameterExpression>()], typeof(bool));

        Assert.Equal(typeof(bool), body.Type);
    }

    [Fact]
    public void Load_BuiltInCatalog_EveryRuleCompilesInsideTheSandbox()
    {
        var files = RuleSet.BuiltInFiles().Count();

        var set = RuleSet.Load(includeBuiltIn: true, []);

        Assert.Equal(files, set.Rules.Count);
        Assert.True(files >= 35, $"expected the whole catalog, found {files} files");
    }
}
