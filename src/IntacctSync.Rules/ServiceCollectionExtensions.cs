using IntacctSync.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>Registers the classifier with <see cref="IServiceCollection"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISyncErrorClassifier"/> and <see cref="IRuleSetProvider"/> (one singleton) with the built-in catalog, and <see cref="Evidence.SyncEvidenceReader"/>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>Registrations use <c>TryAdd</c>: a second call is harmless and an earlier registration of the user's wins.</remarks>
    public static IServiceCollection AddIntacctSyncRules(this IServiceCollection services) =>
        AddIntacctSyncRules(services, static _ => { });

    /// <summary>
    /// Registers <see cref="ISyncErrorClassifier"/> and <see cref="IRuleSetProvider"/> (one singleton behind
    /// both) configured by <paramref name="configure"/>, and <see cref="Evidence.SyncEvidenceReader"/>, which reads
    /// evidence within <see cref="IntacctSyncRulesOptions.MaxEvidenceBytes"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as extra rule directories.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>
    /// Options are validated when the classifier is first resolved (or at host start, with
    /// <c>ValidateOnStart</c>); every failure is reported at once. Registrations use <c>TryAdd</c>.
    /// With <see cref="IntacctSyncRulesOptions.ReloadOnChange"/>, the classifier follows
    /// <see cref="IOptionsMonitor{TOptions}"/> and the rule directories, logging each reload through
    /// <see cref="ILoggerFactory"/> when one is registered; the container disposes it, which stops watching.
    /// </remarks>
    public static IServiceCollection AddIntacctSyncRules(this IServiceCollection services, Action<IntacctSyncRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IntacctSyncRulesOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntacctSyncRulesOptions>, IntacctSyncRulesOptionsValidator>());
        // The host's TimeProvider when it registers one; the system clock otherwise, without registering it for everyone.
        services.TryAddSingleton(static provider => new ReloadingClassifier(
            provider.GetRequiredService<IOptionsMonitor<IntacctSyncRulesOptions>>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILoggerFactory>()?.CreateLogger<ReloadingClassifier>() ?? NullLogger<ReloadingClassifier>.Instance));
        services.TryAddSingleton<ISyncErrorClassifier>(static provider => provider.GetRequiredService<ReloadingClassifier>());
        services.TryAddSingleton<IRuleSetProvider>(static provider => provider.GetRequiredService<ReloadingClassifier>());
        services.TryAddSingleton(static provider => new Evidence.SyncEvidenceReader(provider.GetRequiredService<IOptionsMonitor<IntacctSyncRulesOptions>>()));
        return services;
    }
}
