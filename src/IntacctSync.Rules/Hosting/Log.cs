using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Hosting;

/// <summary>The reload's log messages, declared once with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RulesReloaded", Level = LogLevel.Information,
        Message = "Rules reloaded: generation {Generation} is in force with {RuleCount} rules")]
    public static partial void RulesReloaded(ILogger logger, long generation, int ruleCount);

    [LoggerMessage(EventId = 2, EventName = "RulesRejected", Level = LogLevel.Error,
        Message = "Rules not reloaded: {ProblemCount} problems in the rule files; generation {Generation} stays in force")]
    public static partial void RulesRejected(ILogger logger, int problemCount, long generation);

    [LoggerMessage(EventId = 3, EventName = "RuleProblem", Level = LogLevel.Error,
        Message = "Rule problem: {File}:{Line}: {Rule}: {Problem}")]
    public static partial void RuleProblem(ILogger logger, string file, long? line, string rule, string problem);

    [LoggerMessage(EventId = 4, EventName = "OptionsRejected", Level = LogLevel.Error,
        Message = "Rules not reloaded: invalid option: {Failure}; generation {Generation} stays in force")]
    public static partial void OptionsRejected(ILogger logger, string failure, long generation);

    [LoggerMessage(EventId = 5, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Rules not reloaded: the rule files could not be read; generation {Generation} stays in force")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, long generation);

    [LoggerMessage(EventId = 6, EventName = "WatchFailed", Level = LogLevel.Warning,
        Message = "Cannot watch the rule directory {Directory}; its changes will be picked up only by other reloads")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 7, EventName = "ReloadedHandlerFailed", Level = LogLevel.Error,
        Message = "A listener registered with IRuleSetProvider.OnReloaded threw")]
    public static partial void ReloadedHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, EventName = "RuleFaulted", Level = LogLevel.Warning,
        Message = "Rule {Rule} failed for {Subject}; its finding for that subject is left out of the report")]
    public static partial void RuleFaulted(ILogger logger, Exception exception, string rule, string subject);
}
