using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>
/// Two traders at once: an approval in one browser shows as a position and a P&amp;L change in the other without a reload;
/// a rejection asks for its reason and records it. Then every page at phone width, and dark mode across a reload.
/// </summary>
public sealed class TradingFlowBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "e2e-admin-password";
    private const string Token = "e2e-token-0123456789abcdef";
    private static readonly string[] Pages = ["/", "/proposals", "/markets", "/portfolio", "/calibration", "/risk", "/backtests", "/settings"];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-flow-");
    private DeskProcess _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = DeskProcess.Start(
            _directory.FullName,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["KALSHIDESK_ADMIN_PASSWORD"] = Password,
                ["KALSHIDESK_API_TOKEN"] = Token,

                // The Sandbox world holds still, so the proposal approved is still worth taking when the click lands.
                ["Sandbox__TickInterval"] = "00:00:00",
            },
            $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}");
        await _desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        _directory.Delete(true);
    }

    [Fact]
    public async Task ApproveInOneBrowser_PositionAndPnlChangeInTheOther_RejectAsksForAReason()
    {
        var trader = await SignInAsync(await browser.NewPageAsync(), "/proposals");
        var watcher = await SignInAsync(await browser.NewPageAsync(), "/portfolio");
        await Assertions.Expect(watcher.GetByText("No open positions")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(watcher.GetByLabel("Profit and loss")).ToHaveTextAsync("$0.00");
        await Assertions.Expect(watcher.GetByLabel("Equity")).ToHaveTextAsync("$1,000.00");
        await watcher.EvaluateAsync("() => window.__kdMark = 'same document'");

        var approve = trader.Locator("button[aria-label^='Approve ']");
        await Assertions.Expect(approve).Not.ToHaveCountAsync(0, new() { Timeout = 120_000 });
        var ticker = (await approve.First.GetAttributeAsync("aria-label"))!["Approve ".Length..];

        // By its name, not "the first": a cycle may redraw the queue between the two looks.
        await trader.Locator($"button[aria-label='Approve {ticker}']").ClickAsync();
        await Assertions.Expect(trader.GetByText($"of {ticker} at up to")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The other browser was never touched: the position and the fee's dent in P&L arrive by themselves.
        var positions = watcher.Locator("table[aria-label='Open positions'], .kd-positions");
        await Assertions.Expect(positions.GetByText(ticker)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(watcher.GetByLabel("Profit and loss")).Not.ToHaveTextAsync("$0.00", new() { Timeout = 30_000 });
        await Assertions.Expect(watcher.GetByLabel("Exposure")).Not.ToHaveTextAsync("$0.00");
        Assert.Equal("same document", await watcher.EvaluateAsync<string>("() => window.__kdMark"));

        // The page's figures are the API's.
        using var api = Api();
        var position = Assert.Single(await api.GetFromJsonAsync<JsonElement[]>("/api/positions") ?? []);
        Assert.Equal(ticker, position.GetProperty("ticker").GetString());

        // Reject asks for a reason first, and cannot be confirmed without one.
        var reject = trader.Locator("button[aria-label^='Reject ']");
        await Assertions.Expect(reject).Not.ToHaveCountAsync(0, new() { Timeout = 120_000 });
        var rejected = (await reject.First.GetAttributeAsync("aria-label"))!["Reject ".Length..];
        await trader.Locator($"button[aria-label='Reject {rejected}']").ClickAsync();
        var confirm = trader.GetByRole(AriaRole.Button, new() { Name = $"Confirm reject {rejected}", Exact = true });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await trader.GetByLabel($"Reason for rejecting {rejected}").FillAsync("<b>spread</b> too wide for me");
        await confirm.ClickAsync();
        await Assertions.Expect(trader.GetByLabel($"Reason for rejecting {rejected}")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(trader.Locator($"button[aria-label='Reject {rejected}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        var decided = await api.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=rejected") ?? [];
        var record = Assert.Single(decided, p => p.GetProperty("ticker").GetString() == rejected);
        Assert.Equal("<b>spread</b> too wide for me", record.GetProperty("reason").GetString());
        Assert.Equal("admin", record.GetProperty("decidedBy").GetString());

        // The Markets page, for the README.
        await trader.GetByRole(AriaRole.Link, new() { Name = "Markets" }).ClickAsync();
        await trader.WaitForURLAsync("**/markets");
        await Assertions.Expect(trader.GetByRole(AriaRole.Heading, new() { Name = "Markets", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(trader.GetByText(ticker).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await trader.ScreenshotAsync(new() { Path = Path.Combine(Screenshots(), "markets.png"), FullPage = false });
    }

    [Fact]
    public async Task EveryPage_AtPhoneWidth_FitsTheScreen_NamesEveryControl_AndDarkModeSurvivesAReload()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        try
        {
            var page = await SignInAsync(await context.NewPageAsync(), "/");
            foreach (var path in Pages)
            {
                await page.GotoAsync(new Uri(_desk.BaseAddress!, path).AbsoluteUri);
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Trading mode" })).ToContainTextAsync("PAPER TRADING");

                // Nothing wider than the phone: tables fold into cards, wide content scrolls inside its own box.
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 1)
                {
                    var wide = await page.EvaluateAsync<string[]>(WideElements);
                    Assert.Fail($"{path} is {overflow}px wider than a 390px screen: {string.Join(" | ", wide)}");
                }

                // Every button, link and field has a name a screen reader can read.
                var unnamed = await page.EvaluateAsync<string[]>(UnnamedControls);
                Assert.True(unnamed.Length == 0, $"{path} has controls without an accessible name: {string.Join(", ", unnamed)}");
            }

            await page.GotoAsync(new Uri(_desk.BaseAddress!, "/").AbsoluteUri);
            // Clicked before the page is interactive, the toggle would do nothing: wait for it to be ready.
            await Assertions.Expect(page.Locator("button[data-ready='true'][aria-label^='Switch to']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            var toDark = page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" });
            await Assertions.Expect(toDark).ToHaveAttributeAsync("aria-pressed", "false", new() { Timeout = 30_000 });
            var light = await Background(page);
            await toDark.ClickAsync();
            var toLight = page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" });
            await Assertions.Expect(toLight).ToHaveAttributeAsync("aria-pressed", "true");
            var dark = await Background(page);
            Assert.NotEqual(light, dark);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots(), "overview-phone-dark.png"), FullPage = false });

            // A reload and another page keep the choice.
            await page.GotoAsync(new Uri(_desk.BaseAddress!, "/risk").AbsoluteUri);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(dark, await Background(page));

            await Assertions.Expect(page.Locator("button[data-ready='true'][aria-label^='Switch to']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(light, await Background(page));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    // The outermost elements reaching past the screen's right edge, to say what made a page too wide.
    private const string WideElements = """
        () => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > width + 1);
            return wide.filter(el => !wide.includes(el.parentElement)).slice(0, 5)
                .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().width)}px)`);
        }
        """;

    private const string UnnamedControls = """
        () => [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button]')]
            .filter(el => el.offsetParent !== null)
            .filter(el => {
                const labelled = (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                    .map(id => document.getElementById(id)?.textContent ?? '').join('');
                const label = el.labels ? [...el.labels].map(l => l.textContent).join('') : '';
                const alt = [...el.querySelectorAll('img[alt]')].map(i => i.alt).join('');
                const name = (el.getAttribute('aria-label') || labelled || label || el.textContent || alt || el.title || el.placeholder || '').trim();
                return name.length === 0;
            })
            .map(el => el.outerHTML.slice(0, 120))
        """;

    private static Task<string> Background(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private async Task<IPage> SignInAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(_desk.BaseAddress!, path).AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(_desk.BaseAddress!, path).AbsoluteUri, new() { Timeout = 30_000 });
        return page;
    }

    private HttpClient Api()
    {
        var api = new HttpClient { BaseAddress = _desk.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return api;
    }

    private static string Screenshots()
    {
        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        return screenshots;
    }
}
