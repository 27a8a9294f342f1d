using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Classification;

/// <summary>
/// One pasted string holding several messages (an e-mail thread, a log excerpt): each is recognized, in order, with
/// its own placeholder values, and each diagnosis cites the string (issue 16).
/// </summary>
public sealed class SeveralMessagesTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create();

    private const string Int402Fund = "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund. This typically occurs when user-defined dimensions aren't set up correctly or are missing permissions.";
    private const string Int402Region = "INT402 Sync Error: Sage Intacct couldn't return values for dimension Region. This typically occurs when user-defined dimensions aren't set up correctly or are missing permissions.";
    private const string Int459 = "INT459 Export Error: Unable to find category Meals in the workspace. Please confirm all categories are listed and active in Sage Intacct.";

    private static DiagnosisReport Classify(string pasted, SyncOperation? operation = null) =>
        Classifier.Classify(new SyncEvidence { SchemaVersion = 1, Operation = operation, Messages = [pasted] });

    [Theory]
    [InlineData("{0}\n{1}")]
    [InlineData("{0} {1}")]
    [InlineData("From the sync log:\r\n  [09:12] {0}\r\n  [09:13] {1}\r\nThanks, Dana")]
    [InlineData("<p>{0}</p><p>{1}</p>")]
    public void TwoDimensionsInOneString_EachIsLikelyWithItsOwnName(string layout)
    {
        var report = Classify(string.Format(System.Globalization.CultureInfo.InvariantCulture, layout, Int402Fund, Int402Region), SyncOperation.Sync);

        var dimensions = report.Diagnoses.Where(d => d.Code == "INT402").Select(d => d.Subject["dimension"]).Order(StringComparer.Ordinal);
        Assert.Equal(["Fund", "Region"], dimensions);
        Assert.All(report.Diagnoses, d => Assert.Equal(Certainty.Likely, d.Certainty));
        Assert.All(report.Diagnoses, d => Assert.StartsWith("messages[0] = ", Assert.Single(d.Evidence), StringComparison.Ordinal));
        Assert.Contains(report.Diagnoses, d => d.Message.Contains("dimension Region", StringComparison.Ordinal));
        Assert.Empty(report.Unexplained);
    }

    [Fact]
    public void TwoCodesInOneString_BothAreFound()
    {
        var report = Classify(Int402Fund + "\n\n" + Int459);

        Assert.Equal(["INT402", "INT459"], report.Diagnoses.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Equal("Meals", Assert.Single(report.Diagnoses, d => d.Code == "INT459").Subject["category"]);
        Assert.Equal("Fund", Assert.Single(report.Diagnoses, d => d.Code == "INT402").Subject["dimension"]);
    }

    [Fact]
    public void ACodeQuotedInPassing_AddsNothing()
    {
        var report = Classify(Int402Fund + " (See INT402 in the help center.)", SyncOperation.Sync);

        var diagnosis = Assert.Single(report.Diagnoses);
        Assert.Equal("Fund", diagnosis.Subject["dimension"]);
    }

    [Fact]
    public void TwoCodesOfDifferentPhases_TheOtherPhasesMessageIsUnexplained()
    {
        // Known to be a sync: INT459 (an export code) is not reported, and its message is not lost either.
        var pasted = Int402Fund + "\n" + Int459;

        var report = Classify(pasted, SyncOperation.Sync);

        Assert.Equal("INT402", Assert.Single(report.Diagnoses).Code);
        Assert.Empty(report.Unexplained);
        Assert.Single(report.Diagnoses[0].Evidence);
    }
}
