using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Data;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Sandbox;
using KalshiDesk.Web.Components.Pages.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Settings page's paper/live section over the real Engine services, a SQLite file and the Sandbox, as each role sees it.</summary>
public sealed class TradingModeSettingsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly BunitContext _bunit = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-mode-page-");
    private readonly BunitAuthorizationContext _auth;
    private SandboxServer _sandbox = null!;

    public TradingModeSettingsTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _auth = _bunit.AddAuthorization();
        SignIn("ada", "Viewer", "Trader", "Admin");
    }

    public async Task InitializeAsync()
    {
        // The Sandbox's world holds still and its rate limits are off: the clock is fake.
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, Seed = 42, RateLimits = { Enabled = false } }, _time);
        _bunit.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = _sandbox.BaseUrl.AbsoluteUri,
            ["Kalshi:KeyId"] = _sandbox.DemoKey.KeyId,
            ["Kalshi:PrivateKey"] = _sandbox.DemoKey.PrivateKeyPem,

            // Configuration allows live trading; a test that needs it off sets the option back to Paper.
            ["Trading:Mode"] = "Live",
        }).Build());
        _bunit.Services.AddSingleton<TimeProvider>(_time);
        _bunit.Services.AddSingleton(DeskDatabase.Parse("Data Source=desk.db", _directory.FullName));
        _bunit.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        _bunit.Services.AddDeskEngine();

        await using (var context = await Db.CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        await Get<PaperAccount>().EnsureOpenedAsync();
    }

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }

    private IDbContextFactory<DeskDbContext> Db => Get<IDbContextFactory<DeskDbContext>>();

    private T Get<T>()
        where T : notnull => _bunit.Services.GetRequiredService<T>();

    private void SignIn(string name, params string[] policies) => _auth.SetAuthorized(name).SetPolicies(policies);

    [Fact]
    public async Task GoLive_ListsThePreconditionsAndStaysDisabledUntilLiveIsTyped()
    {
        var dialogs = _bunit.Render<MudDialogProvider>();
        var section = _bunit.Render<TradingModeSettings>();
        Assert.Equal("Paper", Text(section, "Current trading mode"));
        Assert.Equal("No one has switched it yet: a desk trades paper until an admin confirms going live here.", Text(section, "Last switched"));

        section.Find("button[aria-label='Go live']").Click();

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[aria-label='Preconditions'] li")), Wait);
        var keyId = _sandbox.DemoKey.KeyId;
        Assert.Equal(
            ["Trading:Mode: passes", "Kalshi key: passes", "configuration: passes", "database: passes", "paper database: passes", "exchange: passes", "api key: passes", "confirmation: fails"],
            dialogs.FindAll("[aria-label='Preconditions'] li").Select(li => li.GetAttribute("aria-label")));
        Assert.Contains($"configured: key id {keyId[..4]}…", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains($"key {keyId[..4]}… authenticates; balance $10,000.00", dialogs.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(keyId, dialogs.Markup, StringComparison.Ordinal);
        Assert.True(ConfirmButton(dialogs).HasAttribute("disabled"));

        Confirmation(dialogs).Input("live");
        dialogs.WaitForAssertion(() => Assert.True(ConfirmButton(dialogs).HasAttribute("disabled")));
        Confirmation(dialogs).Input("LIVE ");
        dialogs.WaitForAssertion(() => Assert.True(ConfirmButton(dialogs).HasAttribute("disabled")));
        Confirmation(dialogs).Input("LIVE");
        dialogs.WaitForAssertion(() => Assert.False(ConfirmButton(dialogs).HasAttribute("disabled")));
        Assert.Equal("confirmation: passes", dialogs.FindAll("[aria-label='Preconditions'] li").Last().GetAttribute("aria-label"));

        ConfirmButton(dialogs).Click();

        section.WaitForAssertion(() => Assert.Equal("Live", Text(section, "Current trading mode")), Wait);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[aria-label='Preconditions']")));
        Assert.Equal("Switched to live by ada at 2026-11-23 10:00:00 ET.", Text(section, "Last switched"));
        Assert.Equal(TradingMode.Live, (await Get<DeskModeStore>().ReadAsync()).Mode);
        await using (var context = await Db.CreateDbContextAsync())
        {
            var audit = await context.Audit.SingleAsync();
            Assert.Equal(("ada", "mode.live", "paper", "live"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue));
        }

        Assert.Empty(section.FindAll("button[aria-label='Go live']"));
        section.Find("button[aria-label='Back to paper']").Click();
        section.WaitForAssertion(() => Assert.Equal("Paper", Text(section, "Current trading mode")), Wait);
        Assert.Equal(TradingMode.Paper, (await Get<DeskModeStore>().ReadAsync()).Mode);
    }

    [Fact]
    public async Task GoLive_NoKey_ShowsTheFailingPreconditionAndTheRefusalsReason()
    {
        // The desk's key is taken away, as an operator without one would run it.
        var options = Get<Microsoft.Extensions.Options.IOptions<Kalshi.KalshiOptions>>().Value;
        (options.KeyId, options.PrivateKey) = (null, null);
        var dialogs = _bunit.Render<MudDialogProvider>();
        var section = _bunit.Render<TradingModeSettings>();

        section.Find("button[aria-label='Go live']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[aria-label='Preconditions'] li")), Wait);
        Assert.Equal("Kalshi key: fails", dialogs.FindAll("[aria-label='Preconditions'] li")[1].GetAttribute("aria-label"));
        Assert.Contains("no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", dialogs.Find("[aria-label='Preconditions']").TextContent, StringComparison.Ordinal);
        Confirmation(dialogs).Input("LIVE");
        dialogs.WaitForAssertion(() => Assert.False(ConfirmButton(dialogs).HasAttribute("disabled")));
        ConfirmButton(dialogs).Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Refused: no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", dialogs.Find("[aria-label='Go live refused']").TextContent.Trim()), Wait);
        section.WaitForAssertion(() => Assert.Equal("Not live: no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", Text(section, "Go live refused")));
        Assert.Equal("Paper", Text(section, "Current trading mode"));
        await using var context = await Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live.refused"), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task GoLive_TradingModePaper_ShowsTheGateAsAFailedPreconditionAndRefusesNamingTheKey()
    {
        Get<Microsoft.Extensions.Options.IOptions<TradingOptions>>().Value.Mode = TradingMode.Paper;
        var dialogs = _bunit.Render<MudDialogProvider>();
        var section = _bunit.Render<TradingModeSettings>();
        Assert.Equal("Live trading is off in configuration (Trading:Mode=Paper): set Trading:Mode=Live and restart before going live.", Text(section, "Live trading in configuration"));

        section.Find("button[aria-label='Go live']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[aria-label='Preconditions'] li")), Wait);
        var items = dialogs.FindAll("[aria-label='Preconditions'] li");
        Assert.Equal("Trading:Mode: fails", items[0].GetAttribute("aria-label"));
        Assert.Equal("Trading:Mode (fail): live trading is off in configuration: set Trading:Mode=Live and restart", items[0].TextContent.Trim());
        Confirmation(dialogs).Input("LIVE");
        dialogs.WaitForAssertion(() => Assert.False(ConfirmButton(dialogs).HasAttribute("disabled")));
        ConfirmButton(dialogs).Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Refused: live trading is off in configuration: set Trading:Mode=Live and restart", dialogs.Find("[aria-label='Go live refused']").TextContent.Trim()), Wait);
        Assert.Equal(8, dialogs.FindAll("[aria-label='Preconditions'] li").Count);
        Assert.Equal("Paper", Text(section, "Current trading mode"));
        Assert.Equal(TradingMode.Paper, (await Get<DeskModeStore>().ReadAsync()).Mode);
        await using var context = await Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live.refused", "trading mode paper → live refused: live trading is off in configuration: set Trading:Mode=Live and restart"), (audit.Actor, audit.Action, audit.Details));
        Assert.Equal(0, await context.DeskMode.CountAsync());
    }

    [Fact]
    public async Task SwitchedLive_ConfigurationBackToPaper_ShowsPaperAndWhy()
    {
        Assert.Equal(ModeChangeOutcome.Changed, (await Get<DeskModeService>().GoLiveAsync("ada", "LIVE")).Outcome);

        // The operator sets Trading:Mode=Paper and restarts: the stored switch says live, configuration wins.
        Get<Microsoft.Extensions.Options.IOptions<TradingOptions>>().Value.Mode = TradingMode.Paper;
        var section = _bunit.Render<TradingModeSettings>();

        Assert.Equal("Paper", Text(section, "Current trading mode"));
        Assert.Equal($"Trading paper: {DeskModeState.HeldReason}.", Text(section, "Held on paper"));
        Assert.Equal("Switched to live by ada at 2026-11-23 10:00:00 ET.", Text(section, "Last switched"));
        Assert.NotEmpty(section.FindAll("button[aria-label='Go live']"));
    }

    [Fact]
    public void GoLive_Cancelled_ChangesNothing()
    {
        var dialogs = _bunit.Render<MudDialogProvider>();
        var section = _bunit.Render<TradingModeSettings>();

        section.Find("button[aria-label='Go live']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[aria-label='Preconditions'] li")), Wait);
        dialogs.Find("button[aria-label='Cancel']").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[aria-label='Preconditions']")));
        Assert.Equal("Paper", Text(section, "Current trading mode"));
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Trader")]
    public void ViewerOrTrader_SeesTheModeButNoButton(string role)
    {
        SignIn("victor", role == "Trader" ? ["Viewer", "Trader"] : ["Viewer"]);

        var section = _bunit.Render<TradingModeSettings>();

        Assert.Equal("Paper", Text(section, "Current trading mode"));
        Assert.Empty(section.FindAll("button"));
        Assert.Empty(section.FindAll("input"));
    }

    [Fact]
    public async Task AnotherAdminSwitches_TheSectionFollowsWithoutAReload()
    {
        SignIn("victor", "Viewer");
        var section = _bunit.Render<TradingModeSettings>();
        Assert.Equal("Paper", Text(section, "Current trading mode"));

        await Get<DeskModeService>().GoLiveAsync("ada", "LIVE");

        section.WaitForAssertion(() => Assert.Equal("Live", Text(section, "Current trading mode")), Wait);
        Assert.Equal("Switched to live by ada at 2026-11-23 10:00:00 ET.", Text(section, "Last switched"));
        Assert.Empty(section.FindAll("button"));
    }

    private static string Text(IRenderedComponent<TradingModeSettings> section, string label) => section.Find($"[aria-label='{label}']").TextContent.Trim();

    private static IElement Confirmation(IRenderedComponent<MudDialogProvider> dialogs) => dialogs.Find("input[aria-label='Type LIVE to confirm']");

    private static IElement ConfirmButton(IRenderedComponent<MudDialogProvider> dialogs) => dialogs.Find("button[aria-label='Confirm going live']");
}
