using IntacctSync.Rules.Rules;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace IntacctSync.Rules.Hosting;

/// <summary>Change detection: rule directory watchers, the options subscription and the debounce timer.</summary>
internal sealed partial class ReloadingClassifier
{
    private const string RuleFilePattern = "**/*.json";

    private readonly Lock _watchGate = new();
    private readonly Lock _reloadGate = new();
    private readonly Dictionary<string, DirectoryWatch> _watches = new(StringComparer.Ordinal);
    private ITimer? _debounce;
    private IDisposable? _optionsSubscription;
    private TimeSpan _delay;
    private bool _disposed;

    /// <summary>Whether any rule directory is being watched; <c>false</c> once disposed.</summary>
    internal bool IsWatching
    {
        get
        {
            lock (_watchGate)
            {
                return _watches.Count > 0;
            }
        }
    }

    /// <summary>Stops watching: no reload starts afterwards. The last set stays in force for callers.</summary>
    public void Dispose()
    {
        var stopping = new List<IDisposable>();
        lock (_watchGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stopping.AddRange(_watches.Values);
            _watches.Clear();
        }

        // Outside the lock: removing a change callback waits for one that is running, and that one may be
        // waiting for the lock in ScheduleReload.
        _optionsSubscription?.Dispose();
        _debounce?.Dispose();
        foreach (var watch in stopping)
        {
            watch.Dispose();
        }
    }

    /// <summary>Asks for a reload after the debounce delay; a later request within the delay postpones it.</summary>
    internal void ScheduleReload()
    {
        lock (_watchGate)
        {
            if (!_disposed)
            {
                _debounce?.Change(_delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void StartWatching(IntacctSyncRulesOptions options)
    {
        _delay = options.ReloadDelay;
        _debounce = _time.CreateTimer(static state => ((ReloadingClassifier)state!).OnDebounceElapsed(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _optionsSubscription = _options.OnChange((_, name) =>
        {
            if (name is null || name == Microsoft.Extensions.Options.Options.DefaultName)
            {
                ScheduleReload();
            }
        });
        Retarget(options);
    }

    private void OnDebounceElapsed()
    {
        // One reload at a time; a change seen meanwhile has rescheduled the timer, so it is not lost.
        lock (_reloadGate)
        {
            if (!Volatile.Read(ref _disposed))
            {
                Reload();
            }
        }
    }

    /// <summary>Watches exactly the options' directories (they may change with the options).</summary>
    private void Retarget(IntacctSyncRulesOptions options)
    {
        var stopping = new List<DirectoryWatch>();
        lock (_watchGate)
        {
            if (_disposed || _debounce is null)
            {
                return;
            }

            _delay = options.ReloadDelay;
            var wanted = options.RuleDirectories.Where(d => !string.IsNullOrWhiteSpace(d)).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _watches.Keys.Where(d => !wanted.Contains(d)).ToArray())
            {
                _watches.Remove(gone, out var watch);
                stopping.Add(watch!);
            }

            foreach (var directory in wanted.Where(d => !_watches.ContainsKey(d)))
            {
                if (DirectoryWatch.TryStart(directory, ScheduleReload, _logger) is { } watch)
                {
                    _watches.Add(directory, watch);
                }
            }
        }

        // Outside the lock, as in Dispose.
        foreach (var watch in stopping)
        {
            watch.Dispose();
        }
    }

    private sealed class DirectoryWatch(PhysicalFileProvider files, IDisposable registration) : IDisposable
    {
        public static DirectoryWatch? TryStart(string directory, Action onChange, ILogger logger)
        {
            PhysicalFileProvider? files = null;
            try
            {
                files = new PhysicalFileProvider(directory);
                var registration = ChangeToken.OnChange(() => files.Watch(RuleFilePattern), onChange);
                return new DirectoryWatch(files, registration);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A missing directory fails the reload itself with a RuleProblem; this only says it is not watched.
                files?.Dispose();
                Log.WatchFailed(logger, ex, directory);
                return null;
            }
        }

        public void Dispose()
        {
            registration.Dispose();
            files.Dispose();
        }
    }
}
