using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>
/// The Settings page's paper/live switch in Debian's Chromium: refused with its reason while configuration says
/// Trading:Mode=Paper and on a desk with no key, and the mode banner following a switch on every open page.
/// </summary>
public sealed class GoLiveBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private const string Password = "e2e-admin-password";
    private const string Token = "e2e-token-0123456789abcdef";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-mode-");

    public void Dispose() => _directory.Delete(true);

    private DeskProcess StartDesk(Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["KALSHIDESK_ADMIN_PASSWORD"] = Password,
            ["KALSHIDESK_API_TOKEN"] = Token,
            ["Sandbox__TickInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return DeskProcess.Start(_directory.FullName, environment, $"--urls=http://127.0.0.1:{DeskProcess.FreePort()}");
    }

    [Fact]
    public async Task GoLive_DeskWithoutAKey_IsRefusedWithTheReasonShown()
    {
        // An exchange of its own (the Sandbox alone) and a desk given no key: it trades on paper and cannot go live.
        var port = DeskProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        await using var sandbox = DeskProcess.Start(_directory.FullName, new Dictionary<string, string?>(), "sandbox", "--port", port, "--markets", "12", "--seed", "42");
        var rest = (await sandbox.WaitForLineAsync("REST", TimeSpan.FromSeconds(60)))["REST".Length..].Trim();
        await using var desk = StartDesk(new()
        {
            ["Kalshi__Environment"] = "Sandbox",
            ["Kalshi__BaseUrl"] = rest,
            ["Kalshi__WebSocketUrl"] = $"ws://127.0.0.1:{port}/trade-api/ws/v2",
            ["Trading__Mode"] = "Live",
        });
        await desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var page = await SignInAsync(desk, "/settings");

        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Trading mode" })).ToContainTextAsync("PAPER TRADING");
        await Assertions.Expect(page.GetByLabel("API key status")).ToHaveTextAsync("not configured");
        await Assertions.Expect(page.GetByLabel("Environment", new() { Exact = true })).ToContainTextAsync("Sandbox");
        await Assertions.Expect(page.GetByLabel("REST base URL")).ToHaveTextAsync(rest);
        await Assertions.Expect(page.GetByLabel("Exchange status")).ToContainTextAsync("answers; trading", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByLabel("Current trading mode")).ToHaveTextAsync("Paper");

        await page.GetByRole(AriaRole.Button, new() { Name = "Go live" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("li[aria-label='Kalshi key: fails']")).ToContainTextAsync("no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", new() { Timeout = 60_000 });
        await Assertions.Expect(dialog.Locator("li[aria-label='exchange: passes']")).ToBeVisibleAsync();
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm going live" });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        var typed = dialog.GetByLabel("Type LIVE to confirm");
        await typed.FillAsync("live");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await typed.FillAsync("LIVE");
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();

        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Refused: no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", new() { Timeout = 60_000 });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Go live refused")).ToHaveTextAsync("Not live: no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath");
        await Assertions.Expect(page.GetByLabel("Current trading mode")).ToHaveTextAsync("Paper");
        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "settings.png"), FullPage = true });

        using var api = Api(desk);
        var mode = await api.GetFromJsonAsync<JsonElement>("/api/mode");
        Assert.Equal(("paper", "not configured"), (mode.GetProperty("mode").GetString(), mode.GetProperty("key").GetString()));
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Trading mode" })).ToContainTextAsync("PAPER TRADING");
    }

    [Fact]
    public async Task SwitchedThroughTheApi_TheModeBannerFollowsOnEveryOpenPageWithoutAReload()
    {
        // The default desk allowed to go live: the embedded Sandbox, signing with its demo key, so every precondition passes.
        await using var desk = StartDesk(new() { ["Trading__Mode"] = "Live" });
        await desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var proposals = await SignInAsync(desk, "/proposals");
        var settings = await SignInAsync(desk, "/settings");
        foreach (var page in new[] { proposals, settings })
        {
            await Assertions.Expect(Banner(page)).ToContainTextAsync("PAPER TRADING");

            // Mark each document: if a page reloads, its mark is gone.
            await page.EvaluateAsync("() => window.__kdMark = 'same document'");
        }

        using var api = Api(desk);
        using (var live = await api.PutAsJsonAsync("/api/mode", new { mode = "live", confirm = "LIVE" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        }

        foreach (var page in new[] { proposals, settings })
        {
            await Assertions.Expect(Banner(page)).ToContainTextAsync("LIVE TRADING", new() { Timeout = 30_000 });
        }

        await Assertions.Expect(settings.GetByLabel("Current trading mode")).ToHaveTextAsync("Live");
        await Assertions.Expect(settings.GetByLabel("Last switched")).ToContainTextAsync("Switched to live by admin at ");

        // One click on the Settings page takes the desk back to paper, and the other page follows.
        await settings.GetByRole(AriaRole.Button, new() { Name = "Back to paper" }).ClickAsync();
        foreach (var page in new[] { proposals, settings })
        {
            await Assertions.Expect(Banner(page)).ToContainTextAsync("PAPER TRADING", new() { Timeout = 30_000 });
            Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.__kdMark"));
        }

        Assert.Equal("paper", (await api.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("mode").GetString());
    }

    [Fact]
    public async Task GoLive_TradingModePaper_ShowsTheFailedPreconditionAndTheRefusal()
    {
        // The default desk as installed: key and exchange fine, configuration keeps it on paper.
        const string Off = "live trading is off in configuration: set Trading:Mode=Live and restart";
        await using var desk = StartDesk([]);
        await desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var page = await SignInAsync(desk, "/settings");
        await Assertions.Expect(page.GetByLabel("Live trading in configuration")).ToContainTextAsync("Trading:Mode=Paper");

        // The exchange's status is filled in once the page is interactive: the button then opens the dialog.
        await Assertions.Expect(page.GetByLabel("Exchange status")).ToContainTextAsync("answers; trading", new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Go live" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("li[aria-label='Trading:Mode: fails']")).ToContainTextAsync(Off, new() { Timeout = 60_000 });
        await Assertions.Expect(dialog.Locator("li[aria-label='Kalshi key: passes']")).ToBeVisibleAsync();
        await dialog.GetByLabel("Type LIVE to confirm").FillAsync("LIVE");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm going live" }).ClickAsync();

        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Refused: {Off}", new() { Timeout = 60_000 });
        await Assertions.Expect(Banner(page)).ToContainTextAsync("PAPER TRADING");
        using var api = Api(desk);
        var mode = await api.GetFromJsonAsync<JsonElement>("/api/mode");
        Assert.Equal(("paper", false), (mode.GetProperty("mode").GetString(), mode.GetProperty("liveAllowed").GetBoolean()));
    }

    /// <summary>A new browser, signed in as the admin from a deep link.</summary>
    private async Task<IPage> SignInAsync(DeskProcess desk, string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(desk.BaseAddress!, path).AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path, new() { Timeout = 30_000 });
        return page;
    }

    private static HttpClient Api(DeskProcess desk)
    {
        var api = new HttpClient { BaseAddress = desk.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return api;
    }

    private static ILocator Banner(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Trading mode" });
}
