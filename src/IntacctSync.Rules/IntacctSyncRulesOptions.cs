using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Hosting;

namespace IntacctSync.Rules;

/// <summary>Settings of the classifier registered by <see cref="ServiceCollectionExtensions.AddIntacctSyncRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{IntacctSyncRulesOptions})"/>.</summary>
/// <remarks>
/// Mutable while services are configured; not thread-safe. Read when the classifier is built and, when
/// <see cref="ReloadOnChange"/> is <c>true</c>, again at each reload.
/// </remarks>
public sealed class IntacctSyncRulesOptions
{
    /// <summary>Whether the built-in catalog (embedded in this assembly) is loaded. Default: <c>true</c>.</summary>
    public bool IncludeBuiltInRules { get; set; } = true;

    /// <summary>
    /// Directories of rule files (<c>*.json</c>, searched recursively; <c>*.schema.json</c> files are not rules) added to the catalog. A file may
    /// add a code, or replace a built-in one when it says <c>"override": true</c>. Default: none.
    /// </summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>
    /// Rule files read from streams, loaded after <see cref="RuleDirectories"/>, in this order; each is a
    /// rule file like those of a directory (it may add a code, or override one with <c>"override": true</c>).
    /// Read again at every reload; a change inside a stream is not watched. Default: none.
    /// </summary>
    public IList<RuleSource> RuleSources { get; } = [];

    /// <summary>
    /// The largest evidence document read, in bytes, by the <see cref="SyncEvidenceReader"/> that
    /// <c>AddIntacctSyncRules</c> registers (and by the CLI). Default: <see cref="SyncEvidenceJson.DefaultMaxBytes"/> (16 MiB).
    /// </summary>
    public int MaxEvidenceBytes { get; set; } = SyncEvidenceJson.DefaultMaxBytes;

    /// <summary>
    /// Whether the classifier reloads its rules when a <c>*.json</c> file under <see cref="RuleDirectories"/>
    /// is added, changed or deleted, or when these options change (<c>IOptionsMonitor</c>). Default: <c>false</c>.
    /// </summary>
    /// <remarks>
    /// Read once, when the classifier is built. A reload loads and validates the whole rule set off the
    /// calling threads; a valid set replaces the old one in a single step (calls already running finish
    /// with the set they started with), an invalid one is logged problem by problem and the last valid
    /// set stays in force. <see cref="IRuleSetProvider"/> tells which set is in force. Set the
    /// environment variable <c>DOTNET_USE_POLLING_FILE_WATCHER</c> to <c>true</c> where file system
    /// events are not delivered (some network shares and containers).
    /// </remarks>
    public bool ReloadOnChange { get; set; }

    /// <summary>
    /// How long a reload waits after the last change it saw, so that a burst of edits (an editor's
    /// save, a deployment copying many files) reloads once. Between zero and one hour. Default: 250 ms.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
