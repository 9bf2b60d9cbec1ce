using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Processes;
using Microsoft.Playwright;

namespace KalshiDesk.EndToEnd.Tests;

/// <summary>
/// Accounts in Debian's Chromium: signing out and back in through a deep link, and an admin making a viewer in Settings
/// who then signs in in a browser of their own and cannot approve.
/// </summary>
public sealed class AccountBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "e2e-admin-password";
    private const string Token = "e2e-token-0123456789abcdef";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-e2e-accounts-");
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

                // The Sandbox world holds still, so proposals stay pending while the viewer looks at them.
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
    public async Task SignOut_ReturnsToSignIn_ThenAProtectedPageAsksToSignInAndReturnsToIt()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/"));
        await SignInAsync(page, "admin", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync("**/account/login", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync(Url("/portfolio"));
        Assert.EndsWith("/account/login?ReturnUrl=%2Fportfolio", page.Url, StringComparison.Ordinal);

        await SignInAsync(page, "admin", Password);

        await page.WaitForURLAsync("**/portfolio", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task AdminCreatesAViewerInSettings_TheViewerSignsInElsewhereAndCannotApprove()
    {
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(Url("/settings"));
        await SignInAsync(admin, "admin", Password);
        await admin.WaitForURLAsync("**/settings", new() { Timeout = 30_000 });
        var users = admin.Locator("[aria-label='Users']");
        await Assertions.Expect(users.GetByLabel("User name admin")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Identity's password rule is shown on the field; a hostile name is refused as text.
        await admin.GetByLabel("New user name").FillAsync("<script>alert(1)</script>");
        await admin.GetByLabel("Initial password").FillAsync("short");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("A user name uses only letters, digits and - . _ @ + (no spaces).")).ToBeVisibleAsync();

        await admin.GetByLabel("New user name").FillAsync("vera");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Passwords must be at least 10 characters.")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await admin.GetByLabel("Initial password").FillAsync("vera-password-12");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "New user is viewer" }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(users.GetByLabel("User name vera")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(users.GetByLabel("Role of vera")).ToHaveTextAsync("Viewer");
        await Assertions.Expect(users.GetByLabel("Status of vera")).ToHaveTextAsync("Active");

        // At phone width the users table stacks into cards inside the screen.
        await admin.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Delete vera" })).ToBeVisibleAsync();
        var box = await admin.Locator("[aria-label='Users and API tokens']").BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, $"the users section spans {box.X}–{box.X + box.Width} px of 390");
        await admin.SetViewportSizeAsync(1280, 800);

        // The admin sees proposals with approve buttons.
        await admin.GotoAsync(Url("/proposals"));
        await admin.Locator("button[aria-label^='Approve ']").First.WaitForAsync(new() { Timeout = 120_000 });

        // Vera, in a browser of her own: Settings shows her no users or tokens, and the queue has no approve buttons.
        var viewer = await browser.NewPageAsync();
        await viewer.GotoAsync(Url("/settings"));
        await SignInAsync(viewer, "vera", "vera-password-12");
        await viewer.WaitForURLAsync("**/settings", new() { Timeout = 30_000 });
        await Assertions.Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, await viewer.Locator("[aria-label='Users and API tokens']").CountAsync());

        await viewer.GetByRole(AriaRole.Link, new() { Name = "Proposals" }).ClickAsync();
        await viewer.WaitForURLAsync("**/proposals", new() { Timeout = 30_000 });
        await viewer.Locator("[aria-label='Pending proposals'] tbody tr").First.WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(viewer.GetByText("vera", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.Locator("button[aria-label^='Approve ']").CountAsync());
        Assert.Equal(0, await viewer.Locator("button[aria-label^='Reject ']").CountAsync());

        // The admin locks her: her open page is sent to sign-in at the circuit's next check (a minute at most), and she cannot sign in again.
        await admin.GotoAsync(Url("/settings"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lock vera" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[aria-label='Users']").GetByLabel("Status of vera")).ToHaveTextAsync("Locked", new() { Timeout = 30_000 });

        await viewer.WaitForURLAsync("**/account/login?returnUrl=%2Fproposals", new() { Timeout = 100_000 });
        await SignInAsync(viewer, "vera", "vera-password-12");
        await Assertions.Expect(viewer.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This account is locked. Ask an admin to unlock it.");
    }

    private string Url(string path) => new Uri(_desk.BaseAddress!, path).AbsoluteUri;

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
