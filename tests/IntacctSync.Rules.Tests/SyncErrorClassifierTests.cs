using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Tests;

public class SyncErrorClassifierTests
{
    // includeBuiltInRules, ruleDirectories, maxEvidenceBytes, expected failure fragments (one per failure)
    public static TheoryData<bool, string[], int, string[]> InvalidOptions => new()
    {
        { false, [], SyncEvidenceJson.DefaultMaxBytes, ["IncludeBuiltInRules is false and RuleDirectories and RuleSources are empty"] },
        { true, [MissingDirectory], SyncEvidenceJson.DefaultMaxBytes, [$"'{MissingDirectory}' does not exist"] },
        { true, ["  "], SyncEvidenceJson.DefaultMaxBytes, ["RuleDirectories holds an empty entry"] },
        { true, [], 0, ["MaxEvidenceBytes is 0; it must be at least 1024"] },
        { false, [], 1000, ["IncludeBuiltInRules is false and RuleDirectories and RuleSources are empty", "MaxEvidenceBytes is 1000"] },
    };

    private static string MissingDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "intacctsync-rules-tests-missing-8c1f0e", "rules");

    [Fact]
    public void Create_Default_ReturnsClassifier()
    {
        var classifier = SyncErrorClassifier.Create();

        Assert.NotNull(classifier);
        Assert.NotNull(classifier.Classify(new SyncEvidence()));
    }

    [Fact]
    public void Create_DefaultOptionsAndTimeProvider_ReturnsClassifier()
    {
        var classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), TimeProvider.System);

        Assert.NotNull(classifier);
    }

    [Fact]
    public void Create_NullOptions_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SyncErrorClassifier.Create(null!));

        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Create_InvalidOptions_ThrowsListingEveryFailure(bool includeBuiltInRules, string[] directories, int maxEvidenceBytes, string[] failures)
    {
        var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = includeBuiltInRules, MaxEvidenceBytes = maxEvidenceBytes };
        foreach (var directory in directories)
        {
            options.RuleDirectories.Add(directory);
        }

        var ex = Assert.Throws<OptionsValidationException>(() => SyncErrorClassifier.Create(options));

        Assert.Equal(failures.Length, ex.Failures.Count());
        Assert.All(failures, f => Assert.Contains(f, ex.Message, StringComparison.Ordinal));
        Assert.Equal(typeof(IntacctSyncRulesOptions), ex.OptionsType);
        Assert.Equal(Options.DefaultName, ex.OptionsName);
    }

    [Fact]
    public void Create_EmptyRuleDirectoryWithoutBuiltIns_Works()
    {
        var directory = Directory.CreateTempSubdirectory("intacctsync-rules-tests-");
        try
        {
            var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = false };
            options.RuleDirectories.Add(directory.FullName);

            var classifier = SyncErrorClassifier.Create(options);

            Assert.NotNull(classifier);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Create_InvalidRuleFile_ThrowsRuleLoadExceptionNamingFileWithEveryProblem()
    {
        var directory = Directory.CreateTempSubdirectory("intacctsync-rules-tests-");
        try
        {
            var file = Path.Combine(directory.FullName, "BAD.json");
            File.WriteAllText(file, """{"code":"BAD"}""");
            var options = new IntacctSyncRulesOptions();
            options.RuleDirectories.Add(directory.FullName);

            var ex = Assert.Throws<RuleLoadException>(() => SyncErrorClassifier.Create(options));

            Assert.True(ex.Problems.Count >= 2, $"expected several problems at once, got:{Environment.NewLine}{ex.Message}");
            Assert.All(ex.Problems, p => Assert.Equal(file, p.File));
            Assert.All(ex.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
            Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            Assert.Contains($"({ex.Problems.Count} problems)", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Classify_NullEvidence_ThrowsArgumentNull()
    {
        var classifier = SyncErrorClassifier.Create();

        var ex = Assert.Throws<ArgumentNullException>(() => classifier.Classify(null!));

        Assert.Equal("evidence", ex.ParamName);
    }
}
