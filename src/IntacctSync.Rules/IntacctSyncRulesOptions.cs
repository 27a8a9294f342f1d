using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules;

/// <summary>Settings of the classifier registered by <see cref="ServiceCollectionExtensions.AddIntacctSyncRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{IntacctSyncRulesOptions})"/>.</summary>
/// <remarks>Mutable while services are configured; read once when the classifier is built. Not thread-safe.</remarks>
public sealed class IntacctSyncRulesOptions
{
    /// <summary>Whether the built-in catalog (embedded in this assembly) is loaded. Default: <c>true</c>.</summary>
    public bool IncludeBuiltInRules { get; set; } = true;

    /// <summary>
    /// Directories of rule files (<c>*.json</c>, searched recursively) added to the catalog. A file may
    /// add a code, or replace a built-in one when it says <c>"override": true</c>. Default: none.
    /// </summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>The largest evidence document read, in bytes. Default: <see cref="SyncEvidenceJson.DefaultMaxBytes"/> (16 MiB).</summary>
    public int MaxEvidenceBytes { get; set; } = SyncEvidenceJson.DefaultMaxBytes;
}
