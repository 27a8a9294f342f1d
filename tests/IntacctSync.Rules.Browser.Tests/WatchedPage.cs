using Microsoft.Playwright;

namespace IntacctSync.Rules.Browser.Tests;

/// <summary>A browser tab and what went wrong in it: console errors (a blocked resource or CSP violation among them), uncaught exceptions, dialogs.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Record($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record("uncaught: " + error);
        page.Dialog += (_, dialog) =>
        {
            Record($"dialog {dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                Record("request: " + request.Url);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Everything recorded so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync().ConfigureAwait(false);

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
