using Microsoft.Playwright;
using Xunit;

namespace KalshiDesk.TestKit;

/// <summary>
/// A headless Chromium driven by Playwright, shared by a test class or collection. It launches the
/// machine's Chromium (<c>/usr/bin/chromium</c>, or <c>KALSHIDESK_CHROMIUM</c>) and never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Environment variable that points the fixture at another Chromium executable.</summary>
    public const string ChromiumVariable = "KALSHIDESK_CHROMIUM";

    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] CommonArguments =
    [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Containers often give /dev/shm 64 MB, too little for Chromium's renderers.
        "--disable-dev-shm-usage",
    ];

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The launched browser; throws before <see cref="InitializeAsync"/>.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        "The browser is not launched: xunit calls InitializeAsync before the tests that use the fixture.");

    /// <summary>The Chromium executable this fixture launches.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromiumPath;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: run ./test.sh as root (it installs it) or apt-get install chromium (or set {ChromiumVariable}).");
        }

        EnsureDriverPresent();

        // The browser comes from the system: Playwright must never try to fetch its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = Environment.IsPrivilegedProcess ? ["--no-sandbox", .. CommonArguments] : CommonArguments,
                Timeout = 60_000,
            }).ConfigureAwait(false);
        }
        catch
        {
            _playwright.Dispose();
            _playwright = null;
            throw;
        }
    }

    /// <summary>
    /// Opens a page in a new browser context (fresh cookies and storage, viewport 1280×800).
    /// Its context is closed with the fixture, or earlier by <c>page.Context.CloseAsync()</c>.
    /// </summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        }).ConfigureAwait(false);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            await context.DisposeAsync().ConfigureAwait(false);
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
            await _browser.DisposeAsync().ConfigureAwait(false);
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }

    /// <summary>
    /// Playwright talks to the browser through a node driver that the Microsoft.Playwright package copies
    /// to <c>.playwright/</c> beside the test assembly, only in projects that reference the package directly.
    /// </summary>
    private static void EnsureDriverPresent()
    {
        if (Environment.GetEnvironmentVariable("PLAYWRIGHT_DRIVER_SEARCH_PATH") is { Length: > 0 })
        {
            return;
        }

        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright", "package", "cli.js");
        if (!File.Exists(driver))
        {
            throw new InvalidOperationException(
                $"Playwright driver not found at {driver}: add <PackageReference Include=\"Microsoft.Playwright\" /> to the test project that uses BrowserFixture.");
        }
    }
}
