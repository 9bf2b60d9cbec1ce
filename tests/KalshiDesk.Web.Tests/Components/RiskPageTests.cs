using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Sandbox;
using KalshiDesk.Web.Components.Pages.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Risk page over the real Engine services, a SQLite file and the Sandbox exchange, as each role sees it.</summary>
public sealed class RiskPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>PRODUCT.md's preset table, by the desk's label of each limit: conservative, balanced, aggressive.</summary>
    private static readonly Dictionary<string, string[]> ProductTable = new(StringComparer.Ordinal)
    {
        ["Kelly multiplier"] = ["0.25", "0.50", "0.75"],
        ["minimum edge, net of fees"] = ["0.05", "0.03", "0.02"],
        ["max cost of one trade"] = ["1%", "2.5%", "5%"],
        ["max total open exposure"] = ["15%", "30%", "50%"],
        ["max exposure in one event"] = ["3%", "7.5%", "15%"],
        ["max open positions"] = ["10", "25", "50"],
        ["daily loss limit"] = ["2%", "4%", "8%"],
        ["drawdown from equity peak"] = ["8%", "15%", "25%"],
        ["consecutive losing settlements"] = ["4", "6", "8"],
        ["max bid-ask spread"] = ["0.04", "0.06", "0.10"],
        ["min time to close"] = ["6 h", "1 h", "15 min"],
        ["max model disagreement"] = ["0.35", "0.50", "0.75"],
    };

    private readonly BunitContext _bunit = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-risk-page-");
    private readonly BunitAuthorizationContext _auth;
    private SandboxServer _sandbox = null!;

    public RiskPageTests()
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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kalshi:BaseUrl"] = _sandbox.BaseUrl.AbsoluteUri,
            ["Kalshi:KeyId"] = _sandbox.DemoKey.KeyId,
            ["Kalshi:PrivateKey"] = _sandbox.DemoKey.PrivateKeyPem,
        }).Build();
        _bunit.Services.AddSingleton<IConfiguration>(configuration);
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
    public async Task Render_ShowsThePresetsExactlyAsTheProductTableWithTheActiveOneMarked()
    {
        await Get<RiskMonitor>().ObserveAsync();

        var page = _bunit.Render<RiskPage>();

        var rows = PresetRows(page);
        Assert.Equal(ProductTable.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (label, expected) in ProductTable)
        {
            Assert.Equal(expected, Cells(rows[label], "Conservative", "Balanced", "Aggressive"));
        }

        // Every limit differs between the presets: each row is highlighted, in the two presets not in force.
        Assert.All(rows.Values, row => Assert.Contains("kd-differs", row.ClassList));
        Assert.All(rows.Values, row => Assert.Equal(["true", "false", "true"], Differs(row)));
        Assert.Equal("Balanced (active)", page.Find("[aria-label='Presets compared'] th[aria-current='true']").TextContent.Trim());
        var active = Assert.Single(page.FindAll("[aria-current='true'][aria-label$=' preset']"));
        Assert.Equal("Balanced preset", active.GetAttribute("aria-label"));
        Assert.Equal("Active", active.QuerySelector("[aria-label='Active preset']")!.TextContent.Trim());
        Assert.Equal("Active", Text(page, "Trading state"));
        Assert.Equal("Entries are allowed within the limits.", Text(page, "Trading state reason"));
        Assert.Equal("$0.00 of $40.00", Text(page, "Daily loss"));
        Assert.Equal("$0.00 of $150.00", Text(page, "Drawdown"));
        Assert.Equal("0 of 6", Text(page, "Losing streak"));
        Assert.Equal("Equity at the last look: $1,000.00", Text(page, "Equity at the last look"));
        Assert.Contains("Daily loss (New York day 2026-11-23)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EachPresetsOwnOverrides_AreShownAndARowWhereAllAgreeIsNotHighlighted()
    {
        // Conservative and aggressive each get their own spread override of 0.06, balanced's own value: the three agree.
        var settings = Get<RiskSettings>();
        await settings.SwitchPresetAsync("conservative", "ada");
        await settings.SetOverrideAsync("maxSpread", 0.06m, "ada");
        await settings.SwitchPresetAsync("aggressive", "ada");
        await settings.SetOverrideAsync("maxSpread", 0.06m, "ada");
        await settings.SwitchPresetAsync("balanced", "ada");

        var page = _bunit.Render<RiskPage>();

        var rows = PresetRows(page);
        var spread = rows["max bid-ask spread"];
        Assert.DoesNotContain("kd-differs", spread.ClassList);
        Assert.Equal(["false", "false", "false"], Differs(spread));
        Assert.Equal(["0.06override (preset 0.04)", "0.06", "0.06override (preset 0.10)"], Cells(spread, "Conservative", "Balanced", "Aggressive"));
        Assert.Equal(["true", "false", "true"], Differs(rows["max open positions"]));
        Assert.Contains("kd-differs", rows["max open positions"].ClassList);
    }

    [Fact]
    public async Task Viewer_SeesTheStateThePresetsAndTheAuditButNoButton()
    {
        await Get<RiskSettings>().SwitchPresetAsync("conservative", "ada");
        SignIn("victor", "Viewer");

        var page = _bunit.Render<RiskPage>();

        Assert.Equal(12, page.FindAll("[aria-label='Presets compared'] tbody tr").Count);
        Assert.Equal("Active", Text(page, "Trading state"));
        Assert.Equal("Preset in force: conservative", Text(page, "Preset in force"));
        Assert.Contains("balanced → conservative", page.Find("[aria-label='Audit log'] tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button"));
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll("[aria-label='Overrides']"));
    }

    [Fact]
    public void Trader_MaySwitchPresetsButNotOverrideKillOrResume()
    {
        SignIn("tom", "Viewer", "Trader");

        var page = _bunit.Render<RiskPage>();

        Assert.Equal(["Use the conservative preset", "Use the aggressive preset"], page.FindAll("button").Select(b => b.GetAttribute("aria-label")));
        Assert.Empty(page.FindAll("[aria-label='Overrides']"));
    }

    [Fact]
    public async Task UseThisPreset_Confirmed_SwitchesInTheDatabaseAndAuditsWhoAndFromWhatToWhat()
    {
        SignIn("tom", "Viewer", "Trader");
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<RiskPage>();

        page.Find("button[aria-label='Use the aggressive preset']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The new limits apply from the next cycle", dialogs.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Use the aggressive preset?", dialogs.Markup, StringComparison.Ordinal);
        Button(dialogs, "Use aggressive").Click();

        page.WaitForAssertion(() => Assert.Equal("Preset in force: aggressive", Text(page, "Preset in force")), Wait);
        Assert.Equal("aggressive", (await Get<PresetProvider>().GetSelectionAsync()).Preset.Name);
        await using (var context = await Db.CreateDbContextAsync())
        {
            var entry = await context.Audit.SingleAsync(a => a.Action == "risk.preset");
            Assert.Equal(("tom", "balanced", "aggressive", Start), (entry.Actor, entry.OldValue, entry.NewValue, entry.At));
        }

        Assert.Equal("Aggressive preset", page.Find("[aria-current='true'][aria-label$=' preset']").GetAttribute("aria-label"));
        Assert.Equal(["true", "true", "false"], Differs(PresetRows(page)["Kelly multiplier"]));
        var audit = page.Find("[aria-label='Audit log'] tbody tr");
        Assert.Equal(["2026-11-23 10:00:00 ET", "tom", "balanced → aggressive"], Cells(audit, "When", "Who", "Old → new"));
        Assert.Contains(Get<ISnackbar>().ShownSnackbars, s => s.Message == "Preset switched from balanced to aggressive: it applies from the next cycle.");
    }

    [Fact]
    public async Task UseThisPreset_Cancelled_ChangesNothing()
    {
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<RiskPage>();

        page.Find("button[aria-label='Use the conservative preset']").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Cancel").Click(), Wait);

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Use the conservative preset?", dialogs.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal("balanced", (await Get<PresetProvider>().GetSelectionAsync()).Preset.Name);
        Assert.Equal("Preset in force: balanced", Text(page, "Preset in force"));
        await using var context = await Db.CreateDbContextAsync();
        Assert.Equal(0, await context.Audit.CountAsync());
    }

    [Fact]
    public async Task KillSwitch_WithFlatten_HaltsSellsThePositionAndShowsWhatItDid()
    {
        // One proposal bought, the others still waiting for a person.
        var proposals = (await Get<TradingCycle>().RunAsync()).ProposalIds;
        Assert.True(proposals.Count >= 2, $"{proposals.Count} proposals");
        Assert.True((await Get<ProposalService>().ApproveAsync(proposals[0], "tom")).Succeeded);
        Assert.Single((await Get<PortfolioReader>().ReadAsync()).Positions);
        await Get<RiskMonitor>().ObserveAsync();
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<RiskPage>();
        Assert.Empty(page.FindAll("button[aria-label='Resume trading']"));

        page.Find("button[aria-label='Kill switch']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("input[type='checkbox']").Change(true), Wait);
        dialogs.WaitForAssertion(() => Assert.Equal("Halt and flatten", dialogs.Find("button[aria-label='Pull the kill switch']").TextContent.Trim()), Wait);
        dialogs.Find("button[aria-label='Pull the kill switch']").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='Kill switch outcome']")), Wait);
        Assert.Equal("Halted", Text(page, "Trading state"));
        Assert.Equal("kill switch pulled by ada, positions flattened", Text(page, "Trading state reason"));
        Assert.Equal("Ends with an admin's resume.", Text(page, "How the halt ends"));
        Assert.Empty((await Get<PortfolioReader>().ReadAsync()).Positions);
        decimal proceeds, fees;
        await using (var context = await Db.CreateDbContextAsync())
        {
            proceeds = (await context.Ledger.Where(l => l.Kind == "sell").Select(l => l.Amount).ToListAsync()).Sum();
            fees = -(await context.Ledger.Where(l => l.Kind == "fee" && l.Note == "taker fee on exit").Select(l => l.Amount).ToListAsync()).Sum();
            Assert.Equal(proposals.Count - 1, await context.Proposals.CountAsync(p => p.Status == ProposalStatus.Rejected && p.DecidedBy == "ada"));
        }

        Assert.True(proceeds > 0m);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"0 resting order(s) cancelled, {proposals.Count - 1} pending proposal(s) rejected, 1 of 1 position(s) flattened for ${proceeds:#,0.00} less ${fees:#,0.00} fees."),
            Text(page, "Kill switch counts"));
        var exit = page.Find("[aria-label='Positions flattened'] tbody tr");
        Assert.Equal(["–"], Cells(exit, "Problem"));
        Assert.Equal(Cells(exit, "Held"), Cells(exit, "Sold"));
        Assert.Contains(page.FindAll("[aria-label='Audit log'] tbody tr"), r => Cells(r, "Who", "Old → new").SequenceEqual(["ada", "→ halted, flattened"]));
        Assert.NotNull(page.Find("button[aria-label='Resume trading']"));

        page.Find("button[aria-label='Dismiss the kill switch outcome']").Click();
        Assert.Empty(page.FindAll("[aria-label='Kill switch outcome']"));
        Assert.Equal("Halted", Text(page, "Trading state"));
    }

    [Fact]
    public async Task Resume_Confirmed_EndsTheKillSwitchHalt()
    {
        await Get<KillSwitch>().PullAsync("eve", flatten: false);
        var dialogs = _bunit.Render<MudDialogProvider>();
        var page = _bunit.Render<RiskPage>();
        Assert.Equal("Halted", Text(page, "Trading state"));
        _time.Advance(TimeSpan.FromMinutes(5));

        page.Find("button[aria-label='Resume trading']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The desk was halted: kill switch pulled by eve.", dialogs.Markup, StringComparison.Ordinal), Wait);
        Button(dialogs, "Resume").Click();

        page.WaitForAssertion(() => Assert.Equal("Active", Text(page, "Trading state")), Wait);
        Assert.Empty(page.FindAll("button[aria-label='Resume trading']"));
        Assert.Equal(TradingState.Active, (await Get<RiskMonitor>().ReadAsync())!.State);
        Assert.Equal(["ada", "halted (kill-switch) → active"], Cells(page.Find("[aria-label='Audit log'] tbody tr"), "Who", "Old → new"));
    }

    [Fact]
    public async Task SetOverride_OutOfRange_ShowsTheRefusalAndLosesNothing()
    {
        var page = _bunit.Render<RiskPage>();
        OverrideInput(page, "max bid-ask spread").Input("3");
        OverrideInput(page, "max open positions").Input("12");

        page.Find("button[aria-label='Set override of max bid-ask spread']").Click();

        page.WaitForAssertion(() => Assert.Contains("maxSpread must be between 0.01 and 1 (dollars); 3 is not.", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal("3", OverrideInput(page, "max bid-ask spread").GetAttribute("value"));
        Assert.Equal("12", OverrideInput(page, "max open positions").GetAttribute("value"));
        Assert.Empty((await Get<PresetProvider>().GetSelectionAsync()).Overrides);

        // A change elsewhere redraws the page: what was typed, and why it was refused, stay.
        await Get<RiskSettings>().SwitchPresetAsync("conservative", "eve");
        page.WaitForAssertion(() => Assert.Equal("Preset in force: conservative", Text(page, "Preset in force")), Wait);
        Assert.Equal("3", OverrideInput(page, "max bid-ask spread").GetAttribute("value"));
        Assert.Contains("maxSpread must be between 0.01 and 1 (dollars); 3 is not.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetOverrideThenClear_ChangesTheLimitInForceAndAuditsBoth()
    {
        var page = _bunit.Render<RiskPage>();

        OverrideInput(page, "max bid-ask spread").Input("0.05");
        page.Find("button[aria-label='Set override of max bid-ask spread']").Click();

        page.WaitForAssertion(() => Assert.Equal(["0.05override (preset 0.06)"], Cells(PresetRows(page)["max bid-ask spread"], "Balanced")), Wait);
        Assert.Equal(0.05m, (await Get<PresetProvider>().GetSelectionAsync()).Effective.MaxSpread);
        Assert.Equal(string.Empty, OverrideInput(page, "max bid-ask spread").GetAttribute("value") ?? string.Empty);
        Assert.Equal(["ada", "0.06 → 0.05"], Cells(page.Find("[aria-label='Audit log'] tbody tr"), "Who", "Old → new"));
        _time.Advance(TimeSpan.FromMinutes(5));

        page.Find("button[aria-label='Clear override of max bid-ask spread']").Click();

        page.WaitForAssertion(() => Assert.Equal(["0.06"], Cells(PresetRows(page)["max bid-ask spread"], "Balanced")), Wait);
        Assert.Empty((await Get<PresetProvider>().GetSelectionAsync()).Overrides);
        Assert.Equal(["ada", "0.05 → 0.06"], Cells(page.Find("[aria-label='Audit log'] tbody tr"), "Who", "Old → new"));
        Assert.Empty(page.FindAll("button[aria-label='Clear override of max bid-ask spread']"));
    }

    [Fact]
    public async Task RiskStateChanged_RedrawsThePageWithThePresetAndStateOfTheMoment()
    {
        SignIn("victor", "Viewer");
        var page = _bunit.Render<RiskPage>();
        Assert.Equal("Preset in force: balanced", Text(page, "Preset in force"));

        // Stored without an event: the page shows what it read until an event says to read again.
        await using (var context = await Db.CreateDbContextAsync())
        {
            context.Settings.Add(new DeskSettingEntity { Key = PresetProvider.SettingKey, Value = "conservative", UpdatedAt = Start });
            await context.SaveChangesAsync();
        }

        Assert.Equal("Preset in force: balanced", Text(page, "Preset in force"));
        await Get<IDeskEvents>().PublishAsync(new RiskStateChanged(Start, "active", null));
        page.WaitForAssertion(() => Assert.Equal("Preset in force: conservative", Text(page, "Preset in force")), Wait);
        Assert.Equal("Conservative preset", page.Find("[aria-current='true'][aria-label$=' preset']").GetAttribute("aria-label"));

        // Another admin halts the desk: the monitor publishes, the page follows.
        await Get<RiskMonitor>().HaltAsync(HaltCause.KillSwitch, "kill switch pulled by eve", "eve");
        page.WaitForAssertion(() => Assert.Equal("Halted", Text(page, "Trading state")), Wait);
        Assert.Equal("kill switch pulled by eve", Text(page, "Trading state reason"));
    }

    /// <summary>The trimmed text of the element labelled <paramref name="label"/>.</summary>
    private static string Text(IRenderedComponent<RiskPage> page, string label) => page.Find($"[aria-label='{label}']").TextContent.Trim();

    /// <summary>The override field of a limit (MudBlazor puts the label on the input itself).</summary>
    private static IElement OverrideInput(IRenderedComponent<RiskPage> page, string limit) => page.Find($"input[aria-label='New value for {limit}']");

    private static IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The rows of the presets table, by the limit's label.</summary>
    private static Dictionary<string, IElement> PresetRows(IRenderedComponent<RiskPage> page) =>
        page.FindAll("[aria-label='Presets compared'] tbody tr").ToDictionary(r => r.QuerySelector("td div")!.TextContent.Trim(), StringComparer.Ordinal);

    private static string[] Differs(IElement row) =>
        [.. new[] { "Conservative", "Balanced", "Aggressive" }.Select(c => row.QuerySelector($"td[data-label='{c}']")!.GetAttribute("data-differs")!)];

    /// <summary>The text of a row's cells, picked by their column (MudBlazor labels each cell with it).</summary>
    private static string[] Cells(IElement row, params string[] columns) =>
        [.. columns.Select(c => row.QuerySelector($"td[data-label='{c}']")!.TextContent.Trim())];
}
