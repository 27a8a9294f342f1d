using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>Load-time validation: each kind of problem is reported with file, line, rule and a fix, and all of them at once.</summary>
public sealed class RuleValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacctsync-validation-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Compile_ConditionThatDoesNotParse_NamesPathPositionAndCompilerMessage()
    {
        var json = RuleFiles.With("\"when\": \"e.SignInFailed\"", "\"when\": \"e.SignInFailed && e.NoSuchFact\"");

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Equal(RuleFiles.LineOf(json, "e.NoSuchFact"), problem.Line);
        Assert.Equal("INT999", problem.Rule);
        Assert.StartsWith("$.causes[0].establishedWhen[0].when: the condition \"e.SignInFailed && e.NoSuchFact\" does not compile:", problem.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchFact", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(at character 21)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownPlaceholder_ListsThePlaceholdersAllowed()
    {
        var json = RuleFiles.With("Check {workspace}.", "Check {workspaceName}.");

        var (_, problems) = RuleFiles.Compile(json);

        var problem = Assert.Single(problems);
        Assert.Equal(RuleFiles.LineOf(json, "{workspaceName}"), problem.Line);
        Assert.Contains("$.steps[0].action: unknown placeholder {workspaceName}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("{workspace}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_StepWithoutSystem_SaysWhichSystemsExist()
    {
        var (_, problems) = RuleFiles.Compile(RuleFiles.With("\"system\": \"expensify\", ", string.Empty));

        var problem = Assert.Single(problems);
        Assert.Equal("$.steps[0].system: missing; expected one of: sageIntacct, expensify, other", problem.Message);
    }

    [Fact]
    public void Compile_StepWithoutAction_IsReported()
    {
        var (_, problems) = RuleFiles.Compile(RuleFiles.With(", \"action\": \"Check {workspace}.\"", string.Empty));

        var problem = Assert.Single(problems);
        Assert.Equal("$.steps[0].action: text is required here", problem.Message);
    }

    [Fact]
    public void Compile_StepNamingUndeclaredCause_ListsTheDeclaredCauses()
    {
        var json = RuleFiles.With("\"cause\": \"only-cause\"", "\"cause\": \"other-cause\"");

        var (_, problems) = RuleFiles.Compile(json);

        var problem = Assert.Single(problems);
        Assert.Equal(RuleFiles.LineOf(json, "other-cause"), problem.Line);
        Assert.Contains("\"other-cause\", which this rule does not declare; use one of: only-cause", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SeveralProblems_ReportsEveryOneInOnePass()
    {
        var json = RuleFiles.Valid
            .Replace("\"e.Failed\"", "\"e.Failed &&\"", StringComparison.Ordinal)
            .Replace("The job failed in {workspace}.", "The job failed in {nowhere}.", StringComparison.Ordinal)
            .Replace("\"cause\": \"only-cause\", \"system\": \"expensify\",", "\"cause\": \"ghost\",", StringComparison.Ordinal);

        var (rule, problems) = RuleFiles.Compile(json);

        Assert.Null(rule);
        Assert.Collection(
            problems.OrderBy(p => p.Line),
            p => Assert.StartsWith("$.appliesWhen:", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("$.causes[0].summary: unknown placeholder {nowhere}", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("$.steps[0].cause:", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("$.steps[0].system: missing", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateCodeAcrossFiles_NamesBothFilesAndTheOverrideMarker()
    {
        Write("a/INT999.json", RuleFiles.Valid);
        Write("b/INT999.json", RuleFiles.With("A test rule", "Another test rule"));

        var ex = Assert.Throws<RuleLoadException>(() => RuleSet.Load(includeBuiltIn: false, [_dir]));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(Path.Combine(_dir, "b", "INT999.json"), problem.File);
        Assert.Contains("code INT999 is already defined by " + Path.Combine(_dir, "a", "INT999.json"), problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"override\": true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SchemaBesideTheRules_IsNotReadAsARule()
    {
        Write("INT999.json", RuleFiles.Valid);
        Write("rule.schema.json", RuleSchema.Json);
        Write("nested/Other.Schema.JSON", "{ \"type\": \"object\" }");

        var rules = RuleSet.Load(includeBuiltIn: false, [_dir]);

        Assert.Equal(["INT999"], rules.Rules.Select(r => r.Code));
    }

    [Fact]
    public void Load_OtherJsonBesideTheRules_IsStillReadAsARule()
    {
        Write("INT999.json", RuleFiles.Valid);
        Write("notes.json", "{ \"type\": \"object\" }");

        var ex = Assert.Throws<RuleLoadException>(() => RuleSet.Load(includeBuiltIn: false, [_dir]));

        Assert.All(ex.Problems, p => Assert.Equal(Path.Combine(_dir, "notes.json"), p.File));
    }

    [Fact]
    public void Load_BuiltInCodeWithoutOverride_IsADuplicate()
    {
        Write("INT402.json", RuleFiles.Valid.Replace("INT999", "INT402", StringComparison.Ordinal));

        var ex = Assert.Throws<RuleLoadException>(() => RuleSet.Load(includeBuiltIn: true, [_dir]));

        Assert.Contains("already defined by rules/sync/INT402.json", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateTitle_PointsAtTheSecondTitle()
    {
        Write("INT998.json", RuleFiles.Valid.Replace("INT999", "INT998", StringComparison.Ordinal));
        Write("INT999.json", RuleFiles.Valid);

        var ex = Assert.Throws<RuleLoadException>(() => RuleSet.Load(includeBuiltIn: false, [_dir]));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(Path.Combine(_dir, "INT999.json"), problem.File);
        Assert.Equal("INT999", problem.Rule);
        Assert.Equal(RuleFiles.LineOf(RuleFiles.Valid, "\"title\""), problem.Line);
        Assert.Contains("\"A test rule\" is already the title of INT998", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProblemsInSeveralFiles_AreAllReported()
    {
        Write("INT997.json", RuleFiles.Valid.Replace("INT999", "INT997", StringComparison.Ordinal).Replace("\"e.Failed\"", "\"e.Nope\"", StringComparison.Ordinal));
        Write("INT998.json", RuleFiles.Valid.Replace("INT999", "INT998", StringComparison.Ordinal).Replace("\"kind\": \"sync\"", "\"kind\": \"sink\"", StringComparison.Ordinal));
        Write("INT999.json", "{ \"code\": \"INT999\", ");

        var ex = Assert.Throws<RuleLoadException>(() => RuleSet.Load(includeBuiltIn: false, [_dir]));

        Assert.Equal(["INT997.json", "INT998.json", "INT999.json"], ex.Problems.Select(p => Path.GetFileName(p.File)).Order(StringComparer.Ordinal));
        Assert.All(ex.Problems, p => Assert.NotNull(p.Line));
    }

    private void Write(string relative, string json)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }
}
