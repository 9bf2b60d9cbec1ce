using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>The README's run command, driven in Debian's Chromium: sign in, watch proposals arrive live, approve one, see the position.</summary>
public sealed class DashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "e2e-admin-password";
    private const string Token = "e2e-token-0123456789abcdef";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-");
    private DeskProcess _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = StartDesk();
        await _desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
    }

    private DeskProcess StartDesk() =>
        DeskProcess.Start(
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

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        _directory.Delete(true);
    }

    [Fact]
    public async Task SignIn_ProposalsArriveLive_ApproveOne_PositionIsShown()
    {
        var page = await browser.NewPageAsync();
        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);

        // Signing in from a deep link returns to it.
        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/proposals").AbsoluteUri);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "sign-in.png") });
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/proposals", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "Trading mode" })).ToContainTextAsync("PAPER TRADING");

        // Mark this document: if the page reloads, the mark is gone.
        await page.EvaluateAsync("() => window.__kdMark = 'same document'");
        var approve = page.Locator("button[aria-label^='Approve ']");
        await approve.First.WaitForAsync(new() { Timeout = 90_000 });

        // Clear the queue through the API: rows leave, then the next cycle proposes again, all without a reload.
        using var api = new HttpClient { BaseAddress = _desk.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var pending = await api.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? [];
        foreach (var proposal in pending)
        {
            using var rejected = await api.PostAsJsonAsync($"/api/proposals/{proposal.GetProperty("id").GetGuid()}/reject", new { reason = "end-to-end test: clearing the queue" });
            rejected.EnsureSuccessStatusCode();
        }

        await Assertions.Expect(page.GetByText("No proposals are waiting")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await approve.First.WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.__kdMark"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "proposals.png"), FullPage = true });

        var label = await approve.First.GetAttributeAsync("aria-label");
        var ticker = label!["Approve ".Length..];
        await page.Locator($"button[aria-label='Approve {ticker}']").ClickAsync();
        await Assertions.Expect(page.GetByText($"of {ticker} at up to")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await page.WaitForURLAsync("**/portfolio");
        var positions = page.Locator("table[aria-label='Open positions'], .kd-positions");
        await Assertions.Expect(positions.GetByText(ticker)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "portfolio.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Decision funnel")).ToContainTextAsync("scanned");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "overview.png"), FullPage = true });

        // Nothing has settled in a desk minutes old: the Calibration page says so rather than showing empty charts.
        await page.GetByRole(AriaRole.Link, new() { Name = "Calibration" }).ClickAsync();
        await page.WaitForURLAsync("**/calibration");
        await Assertions.Expect(page.GetByText("No market has settled since the desk began recording forecasts")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.__kdMark"));
    }

    [Fact]
    public async Task Restart_OverSettledHistory_CalibrationPageShowsWhatTheDeskLearned()
    {
        // The desk stops, markets it forecast have settled meanwhile, and it starts again over that history.
        await _desk.DisposeAsync();
        await SettledHistory.WriteAsync(_directory.FullName);
        _desk = StartDesk();
        await _desk.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/calibration").AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/calibration", new() { Timeout = 30_000 });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calibration", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByLabel("Settled markets")).ToHaveTextAsync(SettledHistory.Markets.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByLabel("Brier score, desk versus market")).ToHaveTextAsync(new Regex(@"^0\.\d{4} vs 0\.\d{4}$"));
        await Assertions.Expect(page.GetByLabel("Brier skill versus market")).ToHaveTextAsync(new Regex(@"^\+0\.\d{4}$"));
        await Assertions.Expect(page.Locator("[aria-label^='Reliability diagram'] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-label^='Brier decomposition over time'] svg")).ToBeVisibleAsync();
        var models = page.Locator("[aria-label='Models'] tbody tr");
        await Assertions.Expect(models).ToHaveCountAsync(3);
        await Assertions.Expect(models.First).ToContainTextAsync("favourite-longshot");
        await Assertions.Expect(page.Locator("[aria-label='Categories'] tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "calibration.png"), FullPage = true });
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndStaysOnTheSignInPage()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/").AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or password is not right.");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/").AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login**");
        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/portfolio").AbsoluteUri);

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
