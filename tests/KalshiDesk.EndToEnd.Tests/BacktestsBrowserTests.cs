using System.Text.RegularExpressions;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Builders;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>A backtest started from the page: its progress bar moves, then its results appear, all without a reload.</summary>
public sealed class BacktestsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "e2e-admin-password";
    private const string Sample = "seeded-1000.csv";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-backtests-");
    private DeskProcess _desk = null!;

    public async Task InitializeAsync()
    {
        // 1,000 markets observed 10 times: 10,000 updates, a few seconds of replay, so the progress shows before the results.
        var samples = Directory.CreateDirectory(Path.Combine(_directory.FullName, "samples"));
        await File.WriteAllTextAsync(Path.Combine(samples.FullName, Sample), SettledRecordingCsv.Write(1000, observations: 10));
        _desk = DeskProcess.Start(
            _directory.FullName,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["KALSHIDESK_ADMIN_PASSWORD"] = Password,
                ["Sandbox__TickInterval"] = "00:00:00",
                ["Backtests__SamplesPath"] = samples.FullName,
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
    public async Task StartOnASample_ShowsTheProgressBar_ThenTheResults_WithoutAReload()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/backtests").AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/backtests", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backtests", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText($"{Sample} (", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.__kdMark = 'same document'");

        // The only sample is picked already; clicked before the page is interactive, the button would do nothing.
        await Assertions.Expect(page.Locator("button[data-ready='true'][aria-label^='Switch to']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start backtest" });
        await Assertions.Expect(start).ToBeEnabledAsync();
        await start.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Backtest progress" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByLabel("Progress", new() { Exact = true })).ToContainTextAsync("of 10,000 updates");
        await Assertions.Expect(page.GetByLabel("Backtest status")).ToHaveTextAsync("completed", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByLabel("Trades", new() { Exact = true })).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        await Assertions.Expect(page.GetByLabel("Brier score, desk versus market")).ToHaveTextAsync(new Regex(@"^0\.\d{4} vs 0\.\d{4}$"));
        await Assertions.Expect(page.Locator("[aria-label^=\"Chart of the backtest's equity\"] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-label='Recent backtests'] tbody tr")).ToHaveCountAsync(1);
        Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.__kdMark"));

        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "backtests.png"), FullPage = true });
    }
}
