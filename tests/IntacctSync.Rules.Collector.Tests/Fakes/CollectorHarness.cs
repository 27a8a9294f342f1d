using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Collector.Tests.Fakes;

/// <summary>The collector as a host registers it, its HTTP client wired to the in-memory fake gateway.</summary>
public sealed class CollectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly CapturingLoggerProvider _logs;

    private CollectorHarness(FakeIntacctGateway gateway, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Gateway = gateway;
        _services = services;
        _logs = logs;
    }

    public FakeIntacctGateway Gateway { get; }

    public IIntacctEvidenceCollector Collector => _services.GetRequiredService<IIntacctEvidenceCollector>();

    public static IntacctCredentials Credentials(string? userPassword = null) => new()
    {
        SenderId = FakeCompany.SenderId,
        SenderPassword = FakeCompany.SenderPassword,
        CompanyId = FakeCompany.CompanyId,
        UserId = FakeCompany.UserId,
        UserPassword = userPassword ?? FakeCompany.UserPassword,
    };

    public static async Task<CollectorHarness> StartAsync(FakeCompany company, Action<IntacctEvidenceCollectorOptions>? configure = null)
    {
        var gateway = await FakeIntacctGateway.StartInMemoryAsync(company);
        var services = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddIntacctEvidenceCollector(o =>
        {
            o.Endpoint = gateway.Endpoint;
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(gateway.CreateHandler);
        return new CollectorHarness(gateway, services.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>Every log line written so far.</summary>
    public IReadOnlyList<string> LogLines => [.. _logs.Lines.Select(l => l.Text)];

    public Task<SyncEvidence> CollectAsync(CollectOptions? options = null, IntacctCredentials? credentials = null) =>
        Collector.CollectAsync(credentials ?? Credentials(), options, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
