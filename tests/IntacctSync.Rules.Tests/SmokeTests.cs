namespace IntacctSync.Rules.Tests;

public class SmokeTests
{
    [Fact]
    public void Create_BuiltInCatalog_Loads() => Assert.NotNull(SyncErrorClassifier.Create());
}
