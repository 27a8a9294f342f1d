namespace IntacctSync.Rules.Cli.Tests;

/// <summary>Issue 15: an unexpected failure in any command exits 70 with one line on standard error; the stack trace only with <c>--verbose</c>.</summary>
public sealed class InternalErrorTests
{
    private const string Boom = "boom\u001b[2J\nintacct-sync: forged";

    [Fact]
    public void Diagnose_ClassifierThrows_ExitsSeventyWithOneEscapedLine()
    {
        var classifier = new FailingClassifier(_ => true, () => new InvalidOperationException(Boom));

        var (code, stdout, stderr) = FailingClassifier.Run(classifier, "diagnose", "--message", "Sync failed", "--format", "text");

        Assert.Equal(70, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("intacct-sync: internal error: InvalidOperationException: boom\\u001B[2J\\u000Aintacct-sync: forged (a bug in intacct-sync", line, StringComparison.Ordinal);
        Assert.Contains("--verbose shows the stack trace", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_ClassifierRunsOutOfMemory_ExitsSeventy()
    {
        var (code, _, stderr) = FailingClassifier.Run(new FailingClassifier(_ => true, () => FailingClassifier.OutOfMemory()), "diagnose", "--message", "Sync failed");

        Assert.Equal(70, code);
        Assert.StartsWith("intacct-sync: internal error: OutOfMemoryException: ", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FactoryThrows_ExitsSeventyNotOne()
    {
        var (code, stdout, stderr) = FailingClassifier.RunWithFactory((_, _) => throw new NotSupportedException("no classifier today"), "diagnose", "--message", "Sync failed");

        Assert.Equal(70, code);
        Assert.Empty(stdout);
        Assert.StartsWith("intacct-sync: internal error: NotSupportedException: no classifier today", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--verbose", "diagnose", "--message", "Sync failed")]
    [InlineData("diagnose", "--message", "Sync failed", "--verbose")]
    public void Diagnose_Verbose_AddsTheStackTraceEscaped(params string[] args)
    {
        var (code, _, stderr) = FailingClassifier.Run(new FailingClassifier(_ => true, () => new InvalidOperationException(Boom)), args);

        Assert.Equal(70, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 2, stderr);
        Assert.StartsWith("intacct-sync: internal error: InvalidOperationException: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at IntacctSync.Rules.Cli.", StringComparison.Ordinal));
        Assert.Null(Hostile.FirstUnsafe(stderr));
        Assert.Single(Hostile.LinesStartingWith(stderr, "intacct-sync:"));
    }

    [Fact]
    public void Diagnose_Verbose_IsAcceptedWhenNothingFails()
    {
        var (code, stdout, stderr) = AuthoringFiles.Run("diagnose", "--message", "Sync failed", "--verbose");

        Assert.Equal(0, code);
        Assert.NotEmpty(stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void MissingOptionValue_IsStillWrongUsage()
    {
        var (code, _, stderr) = AuthoringFiles.Run("diagnose", "--message");

        Assert.Equal(1, code);
        Assert.Contains("--message", stderr, StringComparison.Ordinal);
    }
}
