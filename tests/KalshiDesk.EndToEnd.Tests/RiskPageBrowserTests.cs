using System.Net.Http.Headers;
using System.Net.Http.Json;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>The Risk page open in two browsers at once: a preset switched anywhere shows in every one without a reload.</summary>
public sealed class RiskPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "e2e-admin-password";
    private const string Token = "e2e-token-0123456789abcdef";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-risk-");
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
    public async Task PresetSwitchedThroughTheApiOrAnotherBrowser_ShowsInBothOpenPagesWithoutAReload()
    {
        var first = await OpenRiskPageAsync();
        var second = await OpenRiskPageAsync();
        foreach (var page in new[] { first, second })
        {
            await Assertions.Expect(ActivePreset(page)).ToHaveAttributeAsync("aria-label", "Balanced preset", new() { Timeout = 30_000 });

            // Mark each document: if a page reloads, its mark is gone.
            await page.EvaluateAsync("() => window.__kdMark = 'same document'");
        }

        using var api = new HttpClient { BaseAddress = _desk.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using (var switched = await api.PutAsJsonAsync("/api/risk/preset", new { preset = "aggressive" }))
        {
            switched.EnsureSuccessStatusCode();
        }

        foreach (var page in new[] { first, second })
        {
            await Assertions.Expect(ActivePreset(page)).ToHaveAttributeAsync("aria-label", "Aggressive preset", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByLabel("Preset in force")).ToHaveTextAsync("Preset in force: aggressive", new() { Timeout = 30_000 });
        }

        // Browser one switches to conservative, confirming in the dialog; browser two follows.
        await first.GetByRole(AriaRole.Button, new() { Name = "Use the conservative preset" }).ClickAsync();
        await Assertions.Expect(first.GetByText("The new limits apply from the next cycle", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await first.GetByRole(AriaRole.Button, new() { Name = "Use conservative" }).ClickAsync();

        await Assertions.Expect(ActivePreset(second)).ToHaveAttributeAsync("aria-label", "Conservative preset", new() { Timeout = 30_000 });
        await Assertions.Expect(second.GetByLabel("Preset in force")).ToHaveTextAsync("Preset in force: conservative", new() { Timeout = 30_000 });
        var latest = second.Locator("[aria-label='Audit log'] tbody tr").First;
        await Assertions.Expect(latest.Locator("td[data-label='Who']")).ToHaveTextAsync("admin", new() { Timeout = 30_000 });
        await Assertions.Expect(latest.Locator("td[data-label='Old → new']")).ToHaveTextAsync("aggressive → conservative", new() { Timeout = 30_000 });
        await Assertions.Expect(ActivePreset(first)).ToHaveAttributeAsync("aria-label", "Conservative preset", new() { Timeout = 30_000 });
        Assert.Equal("same document", await first.EvaluateAsync<string>("() => window.__kdMark"));
        Assert.Equal("same document", await second.EvaluateAsync<string>("() => window.__kdMark"));

        var screenshots = Path.Combine(DeskProcess.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        await second.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "risk.png"), FullPage = true });
    }

    /// <summary>A new browser, signed in as the admin from a deep link to /risk.</summary>
    private async Task<IPage> OpenRiskPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_desk.BaseAddress!, "/risk").AbsoluteUri);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/risk", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Risk", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    private static ILocator ActivePreset(IPage page) => page.Locator("[aria-current='true'][aria-label$=' preset']");
}
