using static IntacctSync.Rules.Cli.Tests.AuthoringFiles;

namespace IntacctSync.Rules.Cli.Tests;

public sealed class RulesTestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-cases-").FullName;

    public RulesTestCommandTests()
    {
        Write(_dir, "rules/INT999.json", Rule);
        CaseFile = Write(_dir, "cases/INT999/rate-limited.json", Case);
    }

    private string CaseFile { get; }

    private string Verified => Path.ChangeExtension(CaseFile, ".verified.json");

    private string Received => Path.ChangeExtension(CaseFile, ".received.json");

    private string Cases => Path.Combine(_dir, "cases");

    private string Rules => Path.Combine(_dir, "rules");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Test_NewCase_WritesReceivedAndExitsFour()
    {
        var (code, stdout, stderr) = Run("rules", "test", Cases, "--rules", Rules);

        Assert.Equal(4, code);
        Assert.Empty(stderr);
        Assert.Contains($"NEW  {CaseFile}: no rate-limited.verified.json yet", stdout, StringComparison.Ordinal);
        Assert.Contains("1 cases: 0 passed, 1 failed, 0 accepted, 0 unreadable", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Verified));
        Assert.Contains("\"code\": \"INT999\"", File.ReadAllText(Received), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Accept_WritesVerifiedRemovesReceived_ThenTheCasePasses()
    {
        Run("rules", "test", Cases, "--rules", Rules);

        var (accepted, acceptOut, _) = Run("rules", "test", Cases, "--rules", Rules, "--accept");
        var (rerun, rerunOut, _) = Run("rules", "test", Cases, "--rules", Rules);

        Assert.Equal(0, accepted);
        Assert.Contains($"accepted {Verified} (new)", acceptOut, StringComparison.Ordinal);
        Assert.False(File.Exists(Received));
        Assert.Contains("\"certainty\": \"confirmed\"", File.ReadAllText(Verified), StringComparison.Ordinal);
        Assert.Equal(0, rerun);
        Assert.Contains("1 cases: 1 passed, 0 failed", rerunOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ChangedReport_PrintsDiffKeepsVerifiedAndExitsFour()
    {
        Run("rules", "test", Cases, "--rules", Rules, "--accept");
        var before = File.ReadAllText(Verified);
        Write(_dir, "rules/INT999.json", Rule.Replace("Let the rate limit window pass.", "Wait for the rate limit window to pass.", StringComparison.Ordinal));

        var (code, stdout, _) = Run("rules", "test", Cases, "--rules", Rules);

        Assert.Equal(4, code);
        Assert.Contains($"FAIL {CaseFile}: the report differs from rate-limited.verified.json", stdout, StringComparison.Ordinal);
        Assert.Contains("-           \"action\": \"Let the rate limit window pass.\",", stdout, StringComparison.Ordinal);
        Assert.Contains("+           \"action\": \"Wait for the rate limit window to pass.\",", stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Verified));
        Assert.Contains("Wait for the rate limit window", File.ReadAllText(Received), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_WithoutTheAuthorsRules_TheCaseIsUnclassified()
    {
        var (code, _, _) = Run("rules", "test", Cases);

        Assert.Equal(4, code);
        Assert.DoesNotContain("INT999", File.ReadAllText(Received), StringComparison.Ordinal);
        Assert.Contains("\"code\": \"UNCLASSIFIED\"", File.ReadAllText(Received), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_MissingCasesFolder_ExitsOne()
    {
        var (code, stdout, stderr) = Run("rules", "test", Path.Combine(_dir, "nope"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_FolderWithoutCases_ExitsTwo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;

        var (code, _, stderr) = Run("rules", "test", empty);

        Assert.Equal(2, code);
        Assert.Contains("holds no case files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_UnreadableCase_NamesItAndExitsTwo_OtherCasesStillRun()
    {
        Run("rules", "test", Cases, "--rules", Rules, "--accept");
        var bad = Write(_dir, "cases/INT999/broken.json", "{ \"schemaVersion\": 1, \"outcome\": \"exploded\" }");

        var (code, stdout, stderr) = Run("rules", "test", Cases, "--rules", Rules);

        Assert.Equal(2, code);
        Assert.Contains(bad, stderr, StringComparison.Ordinal);
        Assert.Contains("outcome", stderr, StringComparison.Ordinal);
        Assert.Contains("2 cases: 1 passed, 0 failed, 0 accepted, 1 unreadable", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_InvalidRules_ExitsThreeBeforeRunningCases()
    {
        Write(_dir, "rules/INT999.json", Rule.Replace("\"subject\": \"document\"", "\"subject\": \"report\"", StringComparison.Ordinal));

        var (code, stdout, stderr) = Run("rules", "test", Cases, "--rules", Rules);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains("unknown subject \"report\"", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Test_RepositoryCorpus_MatchesEveryVerifiedReport()
    {
        var cases = Path.Combine(RepoRoot(), "tests", "IntacctSync.Rules.Tests", "Cases");

        var (code, stdout, stderr) = Run("rules", "test", cases);

        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(@"(\d+) cases: \1 passed, 0 failed, 0 accepted, 0 unreadable", stdout);
    }

    [Fact]
    public void Test_ClassifierFailsOnOneCase_ReportsItRunsTheOthersAndExitsSeventy()
    {
        var second = Write(_dir, "cases/INT999/second.json", Case.Replace("API rate limit exceeded", "Rate limit", StringComparison.Ordinal));
        Run("rules", "test", Cases, "--rules", Rules, "--accept");
        var classifier = new FailingClassifier(
            e => e.ApiErrors is [{ Description: "Rate limit" }],
            () => new InvalidOperationException("broken\u001b[2J"));

        var (code, stdout, stderr) = FailingClassifier.Run(classifier, "rules", "test", Cases, "--rules", Rules);

        Assert.Equal(70, code);
        Assert.Equal(2, classifier.Calls);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"intacct-sync: {second}: the classifier failed (InvalidOperationException: broken\\u001B[2J); the case was not compared; please report it as a bug", line);
        Assert.Contains("2 cases: 1 passed, 0 failed, 0 accepted, 0 unreadable, 1 not run (the classifier failed)", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(second, ".received.json")));
    }
}
