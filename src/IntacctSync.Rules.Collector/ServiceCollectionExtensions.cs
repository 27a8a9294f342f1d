using IntacctSync.Rules.Collector.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace IntacctSync.Rules.Collector;

/// <summary>Registers the evidence collector with <see cref="IServiceCollection"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The name of the collector's typed HTTP client and of its resilience pipeline.</summary>
    public const string HttpClientName = "IntacctSync.Rules.Collector.XmlGateway";

    /// <summary>Registers <see cref="IIntacctEvidenceCollector"/> with the default options (the production gateway).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The HTTP client's builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddIntacctEvidenceCollector(this IServiceCollection services) =>
        AddIntacctEvidenceCollector(services, static _ => { });

    /// <summary>
    /// Registers <see cref="IIntacctEvidenceCollector"/> over a typed <see cref="HttpClient"/> with a resilience
    /// handler: a total timeout per request, retries with exponential back-off and jitter on the rate limit
    /// (HTTP 429, honouring <c>Retry-After</c>), on 408 and 5xx and on timeouts, and a timeout per attempt.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as the endpoint.</param>
    /// <returns>The HTTP client's builder, to add handlers or replace the primary handler.</returns>
    /// <remarks>
    /// Options are validated when the collector is first resolved (or at host start), every failure in one
    /// message. The collector is registered with <c>TryAdd</c>, so an earlier registration of the user's wins.
    /// <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> are taken from the container when registered.
    /// </remarks>
    public static IHttpClientBuilder AddIntacctEvidenceCollector(this IServiceCollection services, Action<IntacctEvidenceCollectorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IntacctEvidenceCollectorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntacctEvidenceCollectorOptions>, IntacctEvidenceCollectorOptionsValidator>());
        services.TryAddTransient<IIntacctEvidenceCollector>(static provider => new EvidenceCollector(
            provider.GetRequiredService<IIntacctGateway>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILoggerFactory>()?.CreateLogger<EvidenceCollector>() ?? NullLogger<EvidenceCollector>.Instance));

        var builder = services.AddHttpClient<IIntacctGateway, XmlGatewayClient>(HttpClientName, static (provider, client) =>
        {
            // Timeouts belong to the resilience pipeline, which tells a slow attempt from a cancelled call.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = IntacctSync.Rules.Intacct.IntacctResponseReader.MaxResponseBytes;
            _ = provider.GetRequiredService<IOptions<IntacctEvidenceCollectorOptions>>().Value;
        });
        builder.AddResilienceHandler(HttpClientName, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<IntacctEvidenceCollectorOptions>>().Value;
            pipeline.AddTimeout(options.TotalRequestTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
            }

            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    /// <summary>
    /// The rate limit, 408 and 5xx answers, timeouts and dropped connections are worth another attempt; a refused
    /// connection or an unknown host is not (the endpoint is wrong), and neither is any other answer.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode is 429 or 408 or >= 500,
        _ => false,
    };
}
