using System.Diagnostics;
using Microsoft.Playwright;

namespace IntacctSync.Rules.Browser.Tests;

/// <summary>
/// One headless Chromium for every browser test, from <c>build/browser.sh</c> (which installs it into a cache folder
/// on first use), launched through Playwright with the flags the script prints; and the triage pages, generated once.
/// </summary>
/// <remarks>
/// When the browser cannot be obtained or started, the fixture throws and every test of the collection fails with
/// the script's reason: a browser test never passes, nor is skipped, without a browser.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private Lazy<Task<TriagePage>>? _large;
    private Lazy<Task<TriagePage>>? _distinct;

    public IBrowser Browser { get; private set; } = null!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("intacct-sync-browser-").FullName;

    /// <summary>The bundled cases, hostile documents and a bad line, through <c>diagnose --batch --html</c>.</summary>
    public TriagePage Cases { get; private set; } = null!;

    /// <summary>Every tenth case, generated on first use.</summary>
    public Lazy<TriagePage> Sample { get; private set; } = null!;

    /// <summary>10,000 documents (the cases over and over), generated on first use.</summary>
    public Task<TriagePage> Large => _large!.Value;

    /// <summary>10,000 documents that share no text (the largest page per document), generated on first use.</summary>
    public Task<TriagePage> Distinct => _distinct!.Value;

    public async Task InitializeAsync()
    {
        var (executable, args) = await Locate().ConfigureAwait(false);
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Args = args,
            Headless = true,
            Timeout = 60_000,
        }).ConfigureAwait(false);
        // One context for all tests, a page each: with --single-process, closing a context ends the browser.
        _context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } }).ConfigureAwait(false);
        Cases = TriagePages.Cases(Directory);
        Sample = new Lazy<TriagePage>(() => TriagePages.Sample(Directory, 10));
        _large = new Lazy<Task<TriagePage>>(() => Task.Run(() => TriagePages.Large(Directory, 10_000)));
        _distinct = new Lazy<Task<TriagePage>>(() => Task.Run(() => TriagePages.Distinct(Directory, 10_000)));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>A new page (tab) that records console errors, uncaught exceptions and dialogs.</summary>
    public async Task<WatchedPage> OpenAsync(string file, bool darkScheme = false)
    {
        var page = await _context!.NewPageAsync().ConfigureAwait(false);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = darkScheme ? ColorScheme.Dark : ColorScheme.Light }).ConfigureAwait(false);
        var watched = new WatchedPage(page);
        await page.GotoAsync(new Uri(file).AbsoluteUri).ConfigureAwait(false);
        return watched;
    }

    /// <summary>Runs <c>build/browser.sh</c>: the executable on its first line, one flag per line after it.</summary>
    private static async Task<(string Executable, string[] Args)> Locate()
    {
        var script = Path.Combine(TriagePages.RepoRoot(), "build", "browser.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start bash to run build/browser.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"build/browser.sh did not finish within {InstallTimeout.TotalMinutes} minutes: {await stderr.ConfigureAwait(false)}");
        }

        var lines = (await stdout.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0 || !File.Exists(lines[0]))
        {
            throw new InvalidOperationException(
                $"No browser for the browser tests: build/browser.sh exited {process.ExitCode} and printed '{lines.FirstOrDefault()}'. {await stderr.ConfigureAwait(false)}");
        }

        return (lines[0], lines[1..]);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
