using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IntacctSync.Rules.Tests.Hosting;

/// <summary>Rule files, evidence and observers shared by the reload tests.</summary>
internal static class ReloadTestKit
{
    /// <summary>Generous: a watcher under a loaded CI machine can take seconds; the tests never assert on time.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Evidence that INT402 diagnoses (an inactive user-defined dimension).</summary>
    public static SyncEvidence Int402Evidence { get; } = SyncEvidenceJson.Read(
        File.ReadAllBytes(Path.Combine(RepoPaths.Cases, "INT402", "contract-udd-inactive.json")), "INT402/contract-udd-inactive.json");

    /// <summary>
    /// The built-in INT402 rule marked <c>"override": true</c>, with <paramref name="marker"/> appended to its
    /// title and to every step's action: a rule set that differs from the built-in one only in text.
    /// </summary>
    public static string Int402Override(string marker)
    {
        var builtIn = RuleSet.BuiltInFiles().Single(f => f.Source.EndsWith("/INT402.json", StringComparison.Ordinal));
        var rule = JsonNode.Parse(builtIn.Utf8)!.AsObject();
        rule["override"] = true;
        rule["title"] = rule["title"]!.GetValue<string>() + " " + marker;
        foreach (var step in rule["steps"]!.AsArray())
        {
            step!["action"] = step["action"]!.GetValue<string>() + " " + marker;
        }

        return rule.ToJsonString();
    }

    /// <summary>Writes a rule file in one step (write beside, then rename), so a watcher never sees half a file.</summary>
    public static void WriteRuleFile(string directory, string name, string json)
    {
        var staging = Path.Combine(Path.GetDirectoryName(directory)!, $"{Path.GetFileName(directory)}-{Guid.NewGuid():N}.staging");
        File.WriteAllText(staging, json);
        File.Move(staging, Path.Combine(directory, name), overwrite: true);
    }

    /// <summary>Completes with the first reload outcome that satisfies <paramref name="accept"/>.</summary>
    public static Task<RuleSetReloaded> NextReload(IRuleSetProvider provider, Func<RuleSetReloaded, bool> accept)
    {
        var done = new TaskCompletionSource<RuleSetReloaded>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? listening = null;
        listening = provider.OnReloaded(args =>
        {
            if (accept(args) && done.TrySetResult(args))
            {
                listening?.Dispose();
            }
        });
        if (done.Task.IsCompleted)
        {
            listening.Dispose();
        }

        return done.Task.WaitAsync(Patience);
    }
}

/// <summary>A temporary rule directory, deleted with its files on dispose.</summary>
internal sealed class TempRuleDirectory : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("intacctsync-reload-tests-");

    public TempRuleDirectory()
    {
        Path = _parent.CreateSubdirectory("rules").FullName;
    }

    public string Path { get; }

    public void Dispose() => _parent.Delete(recursive: true);
}

/// <summary>A logger factory that keeps every entry, for assertions on what was logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public IReadOnlyList<LogEntry> Named(string eventName) => Entries.Where(e => e.EventId.Name == eventName).ToArray();

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>An options change source the test fires, as a configuration reload would.</summary>
internal sealed class OptionsTrigger : IOptionsChangeTokenSource<IntacctSyncRulesOptions>, IDisposable
{
    private CancellationTokenSource _source = new();

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _source).Token);

    /// <summary>Signals a change; the options monitor re-reads the options on this thread.</summary>
    public void Fire()
    {
        // Swapped first: the monitor asks for the next token while the old one is still firing.
        using var fired = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        fired.Cancel();
    }

    public void Dispose() => _source.Dispose();
}

/// <summary>A clock whose timers fire only when the test says so, to test the debounce without waiting.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public ConcurrentQueue<ManualTimer> Timers { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime);
        Timers.Enqueue(timer);
        return timer;
    }

    internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        private int _changes;

        public TimeSpan DueTime { get; private set; } = dueTime;

        public int Changes => Volatile.Read(ref _changes);

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueTime = dueTime;
            Interlocked.Increment(ref _changes);
            return !Disposed;
        }

        /// <summary>Runs the callback now, as the runtime's timer would when due (it can still be queued after disposal).</summary>
        public void Fire() => callback(state);

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
