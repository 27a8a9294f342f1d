using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Hosting;

/// <summary>Options that never change, for a classifier built without dependency injection.</summary>
internal sealed class FixedOptionsMonitor(IntacctSyncRulesOptions options) : IOptionsMonitor<IntacctSyncRulesOptions>
{
    public IntacctSyncRulesOptions CurrentValue => options;

    public IntacctSyncRulesOptions Get(string? name) => options;

    public IDisposable? OnChange(Action<IntacctSyncRulesOptions, string?> listener) => null;
}
