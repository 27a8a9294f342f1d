using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules;

/// <summary>Registers the classifier with <see cref="IServiceCollection"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISyncErrorClassifier"/> (a singleton) with the built-in catalog.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>Registrations use <c>TryAdd</c>: a second call is harmless and an earlier registration of the user's wins.</remarks>
    public static IServiceCollection AddIntacctSyncRules(this IServiceCollection services) =>
        AddIntacctSyncRules(services, static _ => { });

    /// <summary>Registers <see cref="ISyncErrorClassifier"/> (a singleton) configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as extra rule directories.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>
    /// Options are validated when the classifier is first resolved (or at host start, with
    /// <c>ValidateOnStart</c>); every failure is reported at once. Registrations use <c>TryAdd</c>.
    /// </remarks>
    public static IServiceCollection AddIntacctSyncRules(this IServiceCollection services, Action<IntacctSyncRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IntacctSyncRulesOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntacctSyncRulesOptions>, IntacctSyncRulesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISyncErrorClassifier>(static provider =>
            SyncErrorClassifier.Create(
                provider.GetRequiredService<IOptions<IntacctSyncRulesOptions>>().Value,
                provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
