using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using KalshiDesk.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The users and tokens part of Settings over the real Identity stores on a SQLite file, as an admin sees it.</summary>
public sealed class UserSettingsTests : IAsyncLifetime
{
    private const string AdminPassword = "bunit-admin-password";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly BunitContext _bunit = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-user-settings-");
    private readonly BunitAuthorizationContext _auth;
    private ClaimsPrincipal _admin = null!;

    public UserSettingsTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _auth = _bunit.AddAuthorization();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AccountSeeder.AdminPasswordKey] = AdminPassword,
        }).Build();
        _bunit.Services.AddSingleton<IConfiguration>(configuration);
        _bunit.Services.AddSingleton(TimeProvider.System);
        _bunit.Services.AddLogging();
        _bunit.Services.AddDataProtection();
        _bunit.Services.AddSingleton(DeskDatabase.Parse("Data Source=desk.db", _directory.FullName));
        _bunit.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        _bunit.Services.AddSingleton<DeskControlDb>();
        _bunit.Services.AddScoped(sp => sp.GetRequiredService<DeskControlDb>().CreateDbContext());
        _bunit.Services.AddIdentityCore<DeskUser>(AuthHosting.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DeskDbContext>()
            .AddDefaultTokenProviders();
        _bunit.Services.AddTransient<AccountSeeder>();
        _bunit.Services.AddSingleton<DeskUserAdmin>();
        _bunit.Services.AddSingleton<ApiTokenAdmin>();

        // As in the browser once the circuit is up; while prerendered, the controls are disabled.
        _bunit.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task InitializeAsync()
    {
        await using (var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        await using var scope = _bunit.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().FindByNameAsync(AccountSeeder.AdminUser);
        _admin = Principal(admin!);
        _auth.SetAuthorized(AccountSeeder.AdminUser).SetClaims(new Claim(ClaimTypes.NameIdentifier, admin!.Id)).SetPolicies("Viewer", "Trader", "Admin");
    }

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }

    private T Get<T>()
        where T : notnull => _bunit.Services.GetRequiredService<T>();

    private static ClaimsPrincipal Principal(DeskUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));

    [Fact]
    public async Task Render_ListsEveryUserWithTheirRoleAndStatus()
    {
        var admin = Get<DeskUserAdmin>();
        await admin.CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        await admin.CreateAsync(_admin, "vic", "viewer-password-1", DeskRoles.Viewer);
        await admin.LockAsync(_admin, await IdOfAsync("vic"));

        var page = _bunit.Render<UserSettings>();

        var names = page.FindAll("[aria-label='Users'] tbody tr [aria-label^='User name ']").Select(e => e.TextContent.Trim()).ToArray();
        Assert.Equal(["admin", "tess", "vic"], names);
        Assert.Equal(("Admin", "Active"), (Text(page, "Role of admin"), Text(page, "Status of admin")));
        Assert.Equal(("Trader", "Active"), (Text(page, "Role of tess"), Text(page, "Status of tess")));
        Assert.Equal(("Viewer", "Locked"), (Text(page, "Role of vic"), Text(page, "Status of vic")));

        // An admin cannot lock or delete themselves; a locked user offers unlock instead of lock.
        Assert.True(page.Find("button[aria-label='Lock admin']").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Delete admin']").HasAttribute("disabled"));
        Assert.False(page.Find("button[aria-label='Delete tess']").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("button[aria-label='Lock vic']"));
        Assert.NotNull(page.Find("button[aria-label='Unlock vic']"));
    }

    [Fact]
    public async Task Prerendered_TheControlsWaitForTheCircuit()
    {
        await Get<DeskUserAdmin>().CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        _bunit.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = _bunit.Render<UserSettings>();

        Assert.Equal("Trader", Text(page, "Role of tess"));
        Assert.All(page.FindAll("button[aria-label], input[aria-label]"), control => Assert.True(control.HasAttribute("disabled"), control.GetAttribute("aria-label")));
    }

    [Fact]
    public async Task CreateUser_WithAShortPassword_ShowsIdentitysMessageAndCreatesNobody()
    {
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='New user name']").Change("nina");
        page.Find("input[aria-label='Initial password']").Change("short");
        page.Find("form:has(button[aria-label='Create user'])").Submit();

        page.WaitForAssertion(() => Assert.Contains("Passwords must be at least 10 characters.", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Null(await FindAsync("nina"));
        Assert.Equal("nina", page.Find("input[aria-label='New user name']").GetAttribute("value"));
        Assert.Empty(page.FindAll("[aria-label='User name nina']"));
    }

    [Fact]
    public async Task CreateUser_AHostileName_IsRefusedAndNeverRenderedAsMarkup()
    {
        const string hostile = "<script>alert('x')</script>";
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='New user name']").Change(hostile);
        page.Find("input[aria-label='Initial password']").Change("a-good-long-password");
        page.Find("form:has(button[aria-label='Create user'])").Submit();

        page.WaitForAssertion(() => Assert.Contains("A user name uses only letters, digits and - . _ @ + (no spaces).", page.Markup, StringComparison.Ordinal), Wait);
        // It stays as typed in the field (an attribute value, not markup) and nowhere becomes an element.
        Assert.Empty(page.FindAll("script"));
        Assert.Equal(hostile, page.Find("input[aria-label='New user name']").GetAttribute("value"));
        Assert.DoesNotContain(page.FindAll("[aria-label='Users'] tbody tr"), r => r.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Equal(1, await CountUsersAsync());

        // The service refuses it too, without repeating it.
        var direct = await Get<DeskUserAdmin>().CreateAsync(_admin, hostile, "a-good-long-password", DeskRoles.Viewer);
        Assert.Equal((UserChangeOutcome.Invalid, UserChangeResult.UserNameField), (direct.Outcome, direct.Field));
        Assert.DoesNotContain("script", direct.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_Valid_IsListedWithItsRoleAndTheFormIsCleared()
    {
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='New user name']").Change("tess");
        page.Find("input[aria-label='Initial password']").Change("trader-password-1");
        var trader = page.FindAll("input[type='radio']").Single(r => page.Find($"#{r.GetAttribute("aria-labelledby")}").TextContent == "New user is trader");
        trader.Click();
        page.Find("form:has(button[aria-label='Create user'])").Submit();

        page.WaitForAssertion(() => Assert.Equal("Trader", Text(page, "Role of tess")), Wait);
        Assert.Equal(string.Empty, page.Find("input[aria-label='New user name']").GetAttribute("value") ?? string.Empty);
        var user = await FindAsync("tess");
        Assert.NotNull(user);
        await using var scope = _bunit.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        Assert.Equal([DeskRoles.Trader], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, "trader-password-1"));
    }

    [Fact]
    public async Task CreateToken_ShowsItsTextOnce_AndOnlyItsHashIsStored()
    {
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='Token name']").Change("nightly report");
        page.Find("form:has(button[aria-label='Create token'])").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='Token text']")), Wait);
        var text = Text(page, "Token text");
        Assert.StartsWith(ApiTokenAdmin.TokenPrefix, text, StringComparison.Ordinal);
        Assert.Equal(46, text.Length);
        Assert.Contains("it is not shown again", page.Find("[aria-label='New API token']").TextContent, StringComparison.Ordinal);
        var row = page.Find("[aria-label='API tokens'] tbody tr");
        Assert.Equal(["nightly report", "admin"], [Cell(row, "Name"), Cell(row, "User")]);

        await using (var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync())
        {
            var stored = Assert.Single(await context.ApiTokens.ToListAsync());
            Assert.Equal(ApiTokenAuthenticationHandler.Hash(text), stored.TokenHash);
            Assert.Equal("nightly report", stored.Name);
            var audit = Assert.Single(await context.Audit.Where(a => a.Action == "token.create").ToListAsync());
            Assert.Equal(("admin", "API token 'nightly report' for admin", null, "nightly report"), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
        }

        page.Find("button[aria-label='Hide the token']").Click();
        Assert.DoesNotContain(text, page.Markup, StringComparison.Ordinal);

        // Opened again, Settings lists the token by name only.
        var again = _bunit.Render<UserSettings>();
        Assert.Equal("nightly report", Cell(again.Find("[aria-label='API tokens'] tbody tr"), "Name"));
        Assert.DoesNotContain(text, again.Markup, StringComparison.Ordinal);
        Assert.Empty(again.FindAll("[aria-label='Token text']"));
    }

    [Fact]
    public void CreateToken_AHostileName_IsShownAsText()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='Token name']").Change(hostile);
        page.Find("form:has(button[aria-label='Create token'])").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='API tokens'] tbody tr")), Wait);
        Assert.Equal(hostile, Cell(page.Find("[aria-label='API tokens'] tbody tr"), "Name"));
        Assert.Empty(page.FindAll("img[onerror]"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_ForAnotherUser_IsListedUnderThatUser()
    {
        await Get<DeskUserAdmin>().CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        var tess = await IdOfAsync("tess");
        var popovers = _bunit.Render<MudPopoverProvider>();
        var page = _bunit.Render<UserSettings>();

        page.Find("input[aria-label='Token name']").Change("tess's bot");
        Select(page, popovers, "Token user", "tess");
        page.Find("form:has(button[aria-label='Create token'])").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='API tokens'] tbody tr")), Wait);
        Assert.Equal(["tess's bot", "tess"], [Cell(page.Find("[aria-label='API tokens'] tbody tr"), "Name"), Cell(page.Find("[aria-label='API tokens'] tbody tr"), "User")]);
        Assert.Contains("for tess now", page.Find("[aria-label='New API token']").TextContent, StringComparison.Ordinal);
        await using var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(tess, (await context.ApiTokens.SingleAsync()).UserId);
    }

    [Fact]
    public async Task ChangeRole_ConfirmedInTheDialog_IsStoredAndAudited()
    {
        await Get<DeskUserAdmin>().CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        var dialogs = _bunit.Render<MudDialogProvider>();
        var popovers = _bunit.Render<MudPopoverProvider>();
        var page = _bunit.Render<UserSettings>();

        Select(page, popovers, "Role of tess", "Viewer");
        dialogs.WaitForAssertion(() => Assert.Contains("tess changes from trader to viewer.", dialogs.Markup, StringComparison.Ordinal));
        Button(dialogs, "Make viewer").Click();

        page.WaitForAssertion(() => Assert.Equal("Viewer", Text(page, "Role of tess")), Wait);
        await using var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync(a => a.Action == "user.role");
        Assert.Equal(("admin", "tess role trader → viewer", "trader", "viewer"), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public async Task DemoteTheLastAdmin_ShowsTheRefusalAndKeepsTheRole()
    {
        var dialogs = _bunit.Render<MudDialogProvider>();
        var popovers = _bunit.Render<MudPopoverProvider>();
        var page = _bunit.Render<UserSettings>();

        Select(page, popovers, "Role of admin", "Trader");
        dialogs.WaitForAssertion(() => Button(dialogs, "Make trader").Click());

        page.WaitForAssertion(() => Assert.Contains(DeskUserAdmin.LastAdminError, Text(page, "User change refused"), StringComparison.Ordinal), Wait);
        Assert.Equal("Admin", Text(page, "Role of admin"));
    }

    [Fact]
    public async Task LockThenUnlock_EachConfirmed_ShowTheStatus()
    {
        await Get<DeskUserAdmin>().CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<UserSettings>();

        page.Find("button[aria-label='Lock tess']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("tess can no longer sign in", dialogs.Markup, StringComparison.Ordinal));
        Button(dialogs, "Lock").Click();
        page.WaitForAssertion(() => Assert.Equal("Locked", Text(page, "Status of tess")), Wait);
        Assert.True(DeskLockout.IsLocked((await FindAsync("tess"))!));

        page.Find("button[aria-label='Unlock tess']").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Unlock").Click());
        page.WaitForAssertion(() => Assert.Equal("Active", Text(page, "Status of tess")), Wait);
        Assert.False(DeskLockout.IsLocked((await FindAsync("tess"))!));
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheUser_Confirmed_RemovesItAndItsTokens()
    {
        var admin = Get<DeskUserAdmin>();
        await admin.CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        await Get<ApiTokenAdmin>().CreateAsync(_admin, await IdOfAsync("tess"), "bot");
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<UserSettings>();

        page.Find("button[aria-label='Delete tess']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("tess and their API token is removed for good.", dialogs.Markup, StringComparison.Ordinal));
        Button(dialogs, "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete tess?", dialogs.Markup, StringComparison.Ordinal));
        Assert.NotNull(await FindAsync("tess"));

        page.Find("button[aria-label='Delete tess']").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Delete").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[aria-label='User name tess']")), Wait);
        Assert.Null(await FindAsync("tess"));
        Assert.Equal("No API tokens yet.", Text(page, "API tokens"));
    }

    [Fact]
    public async Task ResetPassword_ShowsIdentitysMessageInTheDialog_ThenSetsIt()
    {
        await Get<DeskUserAdmin>().CreateAsync(_admin, "tess", "trader-password-1", DeskRoles.Trader);
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<UserSettings>();

        page.Find("button[aria-label='Reset the password of tess']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[aria-label='New password']").Input("short"));
        dialogs.Find("button[aria-label='Set the new password']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Passwords must be at least 10 characters.", dialogs.Markup, StringComparison.Ordinal));

        dialogs.Find("input[aria-label='New password']").Input("a-new-long-password");
        dialogs.Find("button[aria-label='Set the new password']").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("input[aria-label='New password']")));
        await using var scope = _bunit.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("tess"))!, "a-new-long-password"));
    }

    [Fact]
    public async Task Revoke_Confirmed_RemovesTheToken()
    {
        var made = await Get<ApiTokenAdmin>().CreateAsync(_admin, null, "ci");
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<UserSettings>();

        page.Find("button[aria-label='Revoke token ci of admin']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("gets 401 from its next request", dialogs.Markup, StringComparison.Ordinal));
        Button(dialogs, "Revoke").Click();

        page.WaitForAssertion(() => Assert.Equal("No API tokens yet.", Text(page, "API tokens")), Wait);
        await using var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        Assert.False(await context.ApiTokens.AnyAsync(t => t.Id == made.Token!.Id));
    }

    private static string Text(IRenderedComponent<UserSettings> page, string label) => page.Find($"[aria-label='{label}']").TextContent.Trim();

    private static string Cell(IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    private static IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Opens a MudSelect by its label and picks the item with <paramref name="text"/>, without waiting for what the pick starts.</summary>
    private static void Select(IRenderedComponent<UserSettings> page, IRenderedComponent<MudPopoverProvider> popovers, string label, string text)
    {
        page.Find($"[aria-label='{label}']").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")), Wait);
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == text).Click();
    }

    private async Task<DeskUser?> FindAsync(string name)
    {
        await using var scope = _bunit.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().FindByNameAsync(name);
    }

    private async Task<string> IdOfAsync(string name) => (await FindAsync(name))!.Id;

    private async Task<int> CountUsersAsync()
    {
        await using var context = await Get<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        return await context.Users.CountAsync();
    }
}
