using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Tests;

public class ServiceCollectionExtensionsTests
{
    // includeBuiltInRules, ruleDirectories, maxEvidenceBytes, expected failure fragments (one per failure)
    public static TheoryData<bool, string[], int, string[]> InvalidOptions => new()
    {
        { false, [], SyncEvidenceJson.DefaultMaxBytes, ["IncludeBuiltInRules is false and RuleDirectories and RuleSources are empty"] },
        { true, [MissingDirectory("a")], SyncEvidenceJson.DefaultMaxBytes, [$"'{MissingDirectory("a")}' does not exist"] },
        { false, [], 100, ["IncludeBuiltInRules is false and RuleDirectories and RuleSources are empty", "MaxEvidenceBytes is 100; it must be at least 1024"] },
        {
            false, [MissingDirectory("a"), MissingDirectory("b")], 1023,
            [$"'{MissingDirectory("a")}' does not exist", $"'{MissingDirectory("b")}' does not exist", "MaxEvidenceBytes is 1023"]
        },
    };

    [Fact]
    public void AddIntacctSyncRules_NullServices_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddIntacctSyncRules());

        Assert.Equal("services", ex.ParamName);
    }

    [Fact]
    public void AddIntacctSyncRulesWithConfigure_NullServices_ThrowsArgumentNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddIntacctSyncRules(_ => { }));

        Assert.Equal("services", ex.ParamName);
    }

    [Fact]
    public void AddIntacctSyncRules_NullConfigure_ThrowsArgumentNull()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<ArgumentNullException>(() => services.AddIntacctSyncRules(null!));

        Assert.Equal("configure", ex.ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddIntacctSyncRules_Called_ReturnsSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddIntacctSyncRules());
        Assert.Same(services, services.AddIntacctSyncRules(_ => { }));
    }

    [Fact]
    public void AddIntacctSyncRules_Resolved_IsSingleton()
    {
        var services = new ServiceCollection().AddIntacctSyncRules();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var first = provider.GetRequiredService<ISyncErrorClassifier>();
        using var scope = provider.CreateScope();
        var second = scope.ServiceProvider.GetRequiredService<ISyncErrorClassifier>();

        Assert.Same(first, second);
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(ISyncErrorClassifier)).Lifetime);
    }

    [Fact]
    public void AddIntacctSyncRules_CalledTwice_RegistersOneClassifierAndOneValidator()
    {
        var services = new ServiceCollection();

        services.AddIntacctSyncRules();
        services.AddIntacctSyncRules(o => o.MaxEvidenceBytes = 4096);

        Assert.Single(services, d => d.ServiceType == typeof(ISyncErrorClassifier));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<IntacctSyncRulesOptions>)
            && d.ImplementationType == typeof(IntacctSyncRulesOptionsValidator));
        // The library does not register a TimeProvider for the whole application (Polly and others read one).
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TimeProvider));

        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<ISyncErrorClassifier>());
        Assert.Equal(4096, provider.GetRequiredService<IOptions<IntacctSyncRulesOptions>>().Value.MaxEvidenceBytes);
    }

    [Fact]
    public void AddIntacctSyncRules_UserRegisteredClassifierFirst_UserWins()
    {
        var fake = new FakeClassifier();
        var services = new ServiceCollection();
        services.AddSingleton<ISyncErrorClassifier>(fake);

        services.AddIntacctSyncRules();
        using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<ISyncErrorClassifier>());
        Assert.Single(services, d => d.ServiceType == typeof(ISyncErrorClassifier));
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void GetService_InvalidOptions_ThrowsListingEveryFailure(bool includeBuiltInRules, string[] directories, int maxEvidenceBytes, string[] failures)
    {
        using var provider = ProviderWith(includeBuiltInRules, directories, maxEvidenceBytes);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISyncErrorClassifier>());

        AssertFailures(ex, failures);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void StartupValidator_InvalidOptions_ThrowsListingEveryFailure(bool includeBuiltInRules, string[] directories, int maxEvidenceBytes, string[] failures)
    {
        using var provider = ProviderWith(includeBuiltInRules, directories, maxEvidenceBytes);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        AssertFailures(ex, failures);
    }

    [Fact]
    public void GetService_NoRulesAndMissingDirectory_BothFailuresInOneMessage()
    {
        var missing = MissingDirectory("c");
        using var provider = new ServiceCollection()
            .AddIntacctSyncRules(o =>
            {
                o.IncludeBuiltInRules = false;
                o.MaxEvidenceBytes = 10;
                o.RuleDirectories.Add(missing);
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISyncErrorClassifier>());

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains($"'{missing}' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEvidenceBytes is 10", ex.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(IntacctSyncRulesOptions), ex.OptionsType);
    }

    [Fact]
    public void GetService_EmptyRuleDirectoryPlusBuiltIns_Works()
    {
        var directory = Directory.CreateTempSubdirectory("intacctsync-rules-tests-");
        try
        {
            using var provider = new ServiceCollection()
                .AddIntacctSyncRules(o => o.RuleDirectories.Add(directory.FullName))
                .BuildServiceProvider();

            var classifier = provider.GetRequiredService<ISyncErrorClassifier>();
            provider.GetRequiredService<IStartupValidator>().Validate();

            var report = classifier.Classify(new SyncEvidence { Operation = SyncOperation.Sync, Outcome = SyncOutcome.Succeeded });
            Assert.NotNull(report);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void GetService_UserTimeProviderRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        var clock = new FixedTimeProvider();
        services.AddSingleton<TimeProvider>(clock);

        services.AddIntacctSyncRules();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<ISyncErrorClassifier>());
    }

    [Fact]
    public void GetService_UserTimeProviderRegisteredAfterwards_IsTheOnlyOne()
    {
        var services = new ServiceCollection();
        services.AddIntacctSyncRules();
        var clock = new FixedTimeProvider();
        services.AddSingleton<TimeProvider>(clock);

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, Assert.Single(provider.GetServices<TimeProvider>()));
        Assert.NotNull(provider.GetRequiredService<ISyncErrorClassifier>());
    }

    private static ServiceProvider ProviderWith(bool includeBuiltInRules, string[] directories, int maxEvidenceBytes) =>
        new ServiceCollection()
            .AddIntacctSyncRules(o =>
            {
                o.IncludeBuiltInRules = includeBuiltInRules;
                o.MaxEvidenceBytes = maxEvidenceBytes;
                foreach (var directory in directories)
                {
                    o.RuleDirectories.Add(directory);
                }
            })
            .BuildServiceProvider();

    private static void AssertFailures(OptionsValidationException ex, string[] failures)
    {
        Assert.Equal(failures.Length, ex.Failures.Count());
        Assert.All(failures, f => Assert.Contains(f, ex.Message, StringComparison.Ordinal));
        Assert.Equal(typeof(IntacctSyncRulesOptions), ex.OptionsType);
    }

    private static string MissingDirectory(string name) =>
        Path.Combine(Path.GetTempPath(), "intacctsync-rules-tests-missing-8c1f0e", name);

    private sealed class FakeClassifier : ISyncErrorClassifier
    {
        public DiagnosisReport Classify(SyncEvidence evidence) => throw new NotSupportedException();
    }

    // MaxEvidenceBytes is the library's, not only the CLI's: the reader the container gives applies it.
    [Fact]
    public async Task SyncEvidenceReader_FromTheContainer_RefusesADocumentPastMaxEvidenceBytes()
    {
        using var services = new ServiceCollection().AddIntacctSyncRules(o => o.MaxEvidenceBytes = 2048).BuildServiceProvider();
        var reader = services.GetRequiredService<SyncEvidenceReader>();
        var small = """{ "schemaVersion": 1, "messages": ["INT402 Sync Error: Sage Intacct couldn't return values for dimension Region."] }""";
        var large = """{ "schemaVersion": 1, "messages": [" """ + new string('x', 4096) + """ "] }""";

        Assert.Equal(2048, reader.MaxBytes);
        Assert.Single(reader.Read(small).Messages!);
        var ex = await Assert.ThrowsAsync<EvidenceFormatException>(() => reader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(large)), "body.json"));
        Assert.Contains("larger than 2,048 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IntacctSyncRulesOptions.MaxEvidenceBytes", ex.Message, StringComparison.Ordinal);
        Assert.Throws<EvidenceFormatException>(() => reader.Read(large));
    }

    [Fact]
    public void SyncEvidenceReader_LimitBelow1024_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SyncEvidenceReader(1023));

        Assert.Equal("maxBytes", ex.ParamName);
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    }
}
