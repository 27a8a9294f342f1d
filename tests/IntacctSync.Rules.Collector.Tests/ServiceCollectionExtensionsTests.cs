using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Collector.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddIntacctEvidenceCollector_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ServiceCollectionExtensions.AddIntacctEvidenceCollector(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddIntacctEvidenceCollector(null!));
    }

    [Fact]
    public void AddIntacctEvidenceCollector_Defaults_ResolvesWithTheProductionEndpoint()
    {
        using var provider = new ServiceCollection().AddIntacctEvidenceCollector().Services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IIntacctEvidenceCollector>());
        Assert.Equal(new Uri("https://api.intacct.com/ia/xml/xmlgw.phtml"), provider.GetRequiredService<IOptions<IntacctEvidenceCollectorOptions>>().Value.Endpoint);
    }

    [Fact]
    public void AddIntacctEvidenceCollector_Twice_IsHarmless()
    {
        var services = new ServiceCollection();
        services.AddIntacctEvidenceCollector();
        services.AddIntacctEvidenceCollector();

        Assert.Single(services, d => d.ServiceType == typeof(IIntacctEvidenceCollector));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<IntacctEvidenceCollectorOptions>));
    }

    [Fact]
    public void AddIntacctEvidenceCollector_UserRegistrationFirst_Wins()
    {
        var services = new ServiceCollection();
        var mine = new NoCollector();
        services.AddSingleton<IIntacctEvidenceCollector>(mine);
        services.AddIntacctEvidenceCollector();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IIntacctEvidenceCollector>());
    }

    [Fact]
    public void AddIntacctEvidenceCollector_BadOptions_FailOnResolveWithEveryFailure()
    {
        using var provider = new ServiceCollection().AddIntacctEvidenceCollector(o =>
        {
            o.Endpoint = new Uri("ftp://intacct.example/gw");
            o.AttemptTimeout = TimeSpan.Zero;
            o.MaxRetryAttempts = 11;
        }).Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IIntacctEvidenceCollector>());

        Assert.Contains(ex.Failures, f => f.Contains("ftp://intacct.example/gw", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("AttemptTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("MaxRetryAttempts", StringComparison.Ordinal));
    }

    private sealed class NoCollector : IIntacctEvidenceCollector
    {
        public Task<SyncEvidence> CollectAsync(IntacctCredentials credentials, CollectOptions? options, CancellationToken cancellationToken) =>
            Task.FromResult(new SyncEvidence());
    }
}
