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

    // Constructs whose cost is a number in the expression rather than the size of the evidence: each would hang the
    // host or exhaust its memory on every document, so each is refused at load, naming the construct and the fix.
    public static TheoryData<string, string> CostlyExpressions() => new()
    {
        { "Enumerable.Range(0, 2000000000).Count(i => i > 0) > 0", "Enumerable.Range(...) is not allowed: it makes a sequence whose length is a number" },
        { "Enumerable.Range(0, 100000).Any(i => Enumerable.Range(0, 100000).Any(j => i == j))", "Enumerable.Range(...) is not allowed" },
        { "Enumerable.Repeat(\"x\", 100000000).Count() > 0", "Enumerable.Repeat(...) is not allowed" },
        { "string.Concat(Enumerable.Repeat(\"x\", 300000000)).Length > 0", "Enumerable.Repeat(...) is not allowed" },
        { "\"x\".PadLeft(300000000).Length > 0", "String.PadLeft(...) is not allowed: it makes a text as long as the number" },
        { "e.Evidence.Report.SubmitterEmail.PadRight(300000000) != null", "String.PadRight(...) is not allowed" },
        { "e.Evidence.Report.SubmitterEmail.Replace(\"a\", \"aaaaaaaaaa\") == \"\"", "String.Replace(...) is not allowed here: a replacement that is not a text literal, or is longer" },
        { "e.Evidence.Report.SubmitterEmail.Replace(\"a\", e.Evidence.Report.SubmitterEmail) == \"\"", "String.Replace(...) is not allowed here" },
        { "e.Today.Year.ToString(\"D999999999\") == \"\"", "Int32.ToString(...) with this format is not allowed: a format that is not a text literal, or that has a number of 3 or more digits" },
        { "string.Format(\"{0,300000000}\", 1) == \"\"", "String.Format(...) with this format is not allowed" },
        { "e.Today.ToString(e.Evidence.Report.SubmitterEmail) == \"\"", "with this format is not allowed" },
        { "string.Join(e.Evidence.Report.SubmitterEmail, e.Evidence.ApiErrors.Select(a => a.Description)) == \"\"", "String.Join(...) with this separator is not allowed" },
        { "string.Join(\",\", Enumerable.Range(0, 100000000)) == \"\"", "Enumerable.Range(...) is not allowed" },
        // Three levels over the evidence: 300,000 API errors would make 2.7e16 steps.
        {
            "e.Evidence.ApiErrors.Any(a => e.Evidence.ApiErrors.Any(b => e.Evidence.ApiErrors.Any(c => a.Description == b.Description && b.Description == c.Description)))",
            "lambdas are nested more than 2 deep"
        },
    };

    [Theory]
    [MemberData(nameof(CostlyExpressions))]
    public void Compile_CostNotBoundedByTheEvidence_RefusedNamingTheConstruct(string expression, string expected)
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", $"\"appliesWhen\": {System.Text.Json.JsonSerializer.Serialize(expression)}");

        var (rule, problems) = RuleFiles.Compile(json, "my-rules/INT999.json");

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Equal(("my-rules/INT999.json", RuleFiles.LineOf(json, "\"appliesWhen\""), "INT999"), (problem.File, problem.Line, problem.Rule));
        Assert.StartsWith("$.appliesWhen: the condition", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Contains(expected, StringComparison.Ordinal), problem.Message);
    }

    public static TheoryData<string, Expression, string> CostlyTrees()
    {
        var e = Expression.Parameter(typeof(EvidenceFacts), "e");
        var errors = Expression.Property(Expression.Property(e, nameof(EvidenceFacts.Evidence)), nameof(SyncEvidence.ApiErrors));
        var descriptions = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(ApiError), typeof(string)], errors, (Expression<Func<ApiError, string>>)(a => a.Description!));
        var s = Expression.Parameter(typeof(string), "s");
        var t = Expression.Parameter(typeof(string), "t");
        var doubling = Expression.Lambda<Func<string, string, string>>(Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!, s, s), s, t);
        var range = Expression.Call(typeof(Enumerable).GetMethod(nameof(Enumerable.Range))!, Expression.Constant(0), Expression.Constant(1000));
        var n = Expression.Parameter(typeof(int), "n");
        return new()
        {
            { "Aggregate over the evidence", Expression.Call(typeof(Enumerable), nameof(Enumerable.Aggregate), [typeof(string), typeof(string)], descriptions, Expression.Constant("x"), doubling), "Enumerable.Aggregate(...) is not allowed: its accumulator can grow" },
            { "a text of a given length", Expression.New(typeof(string).GetConstructor([typeof(char), typeof(int)])!, Expression.Constant('x'), Expression.Constant(int.MaxValue)), "new String(...) is not allowed: it makes a text of a length given in the expression" },
            { "an array of a given length", Expression.NewArrayBounds(typeof(string), Expression.Constant(int.MaxValue)), "new String[n] is not allowed" },
            { "a collection with a capacity", Expression.New(typeof(List<string>).GetConstructor([typeof(int)])!, Expression.Constant(int.MaxValue)), "new List(...) is not allowed: a collection built in the expression" },
            { "a lambda that makes a sequence not from the evidence", Expression.Call(typeof(Enumerable), nameof(Enumerable.SelectMany), [typeof(ApiError), typeof(int)], errors, Expression.Lambda<Func<ApiError, IEnumerable<int>>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Empty), [typeof(int)]), Expression.Parameter(typeof(ApiError), "a"))), "Enumerable.SelectMany(...) with a lambda that makes System.Linq.Enumerable.Empty(...) is not allowed" },
            { "Range behind a conversion", Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(int)], Expression.Convert(range, typeof(IEnumerable<int>))), "Enumerable.Range(...) is not allowed" },
            { "a static helper's sequence", Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(int)], Expression.Call(typeof(Enumerable), nameof(Enumerable.Empty), [typeof(int)])), n), "Enumerable.Count(...) over System.Linq.Enumerable.Empty(...) is not allowed: that sequence does not come from the evidence" },
        };
    }

    [Theory]
    [MemberData(nameof(CostlyTrees))]
    public void Violation_CostlyTree_NamesTheConstruct(string name, Expression tree, string named)
    {
        var violation = ExpressionSandbox.Violation(tree);

        Assert.NotNull(violation);
        Assert.Contains(named, violation, StringComparison.Ordinal);
        Assert.Contains("not allowed", violation, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    // Bounded by the evidence (or the expression's own text): still allowed.
    public static TheoryData<string> BoundedExpressions() => new()
    {
        "e.Evidence.ApiErrors.Count(a => a.Description != null && a.Description.Contains(\"denied\")) > 1",
        "string.Join(\", \", e.Evidence.ApiErrors.Select(a => a.Description)) != \"\"",
        "e.Evidence.Report.SubmitterEmail.Replace(\"-\", \"\").Replace('.', '_') != \"\"",
        "e.Evidence.Report.SubmitterEmail.Split('@').Any(p => p == \"acme.example\")",
        "e.Today.ToString(\"yyyy-MM-dd\") != \"\" && e.Today.Year.ToString(\"D4\") != \"\"",
        "e.Evidence.ApiErrors.SelectMany(a => e.Evidence.ApiErrors).Count() >= 0",
        "e.Evidence.ApiErrors.Any(a => e.Evidence.ApiErrors.Any(b => a != b && a.Description == b.Description))",
    };

    [Theory]
    [MemberData(nameof(BoundedExpressions))]
    public void Compile_CostBoundedByTheEvidence_Loads(string expression)
    {
        var json = RuleFiles.With("\"appliesWhen\": \"e.Failed\"", $"\"appliesWhen\": {System.Text.Json.JsonSerializer.Serialize(expression)}");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Empty(problems);
        Assert.NotNull(rule);
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
