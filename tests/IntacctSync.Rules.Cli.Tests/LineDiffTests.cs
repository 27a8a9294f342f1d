namespace IntacctSync.Rules.Cli.Tests;

public class LineDiffTests
{
    [Fact]
    public void Describe_ChangedLine_ShowsRemovedThenAddedWithItsLineNumbers()
    {
        var diff = LineDiff.Describe("a\nb\nc\nd\n", "a\nb\nX\nd\n");

        Assert.Equal("@@ verified line 3, received line 3\n- c\n+ X\n", diff);
    }

    [Fact]
    public void Describe_InsertedAndRemovedRuns_AreReportedSeparately()
    {
        var diff = LineDiff.Describe("1\n2\n3\n4\n5\n", "1\nnew\n2\n3\n5\n");

        Assert.Equal("@@ verified line 2, received line 2\n+ new\n@@ verified line 4, received line 5\n- 4\n", diff);
    }

    [Fact]
    public void Describe_EqualTexts_IsEmpty()
    {
        Assert.Empty(LineDiff.Describe("same\n", "same\n"));
    }
}
