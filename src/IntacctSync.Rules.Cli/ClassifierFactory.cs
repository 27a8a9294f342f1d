using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// How the commands build their classifier: <see cref="SyncErrorClassifier.Create(IntacctSyncRulesOptions, TimeProvider?)"/>
/// unless a test puts another in its place (one that fails, to prove a failure stays contained).
/// </summary>
/// <exception cref="RuleLoadException">A rule file is invalid.</exception>
/// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
internal delegate ISyncErrorClassifier ClassifierFactory(IntacctSyncRulesOptions options, TimeProvider? timeProvider);
