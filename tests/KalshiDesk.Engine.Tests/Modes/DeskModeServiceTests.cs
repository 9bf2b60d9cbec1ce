using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Tests.Modes;

/// <summary>The audited paper/live switch, against the Sandbox over HTTP, on a SQLite file.</summary>
public class DeskModeServiceTests
{
    // Configuration that allows live trading; without it (Trading:Mode=Paper, the default) going live is refused.
    private static readonly Dictionary<string, string?> LiveAllowed = new() { ["Trading:Mode"] = "Live" };

    // The Sandbox harness signs with the Sandbox's demo key; these settings take it away (live trading allowed).
    private static readonly Dictionary<string, string?> NoKey = new() { ["Trading:Mode"] = "Live", ["Kalshi:KeyId"] = null, ["Kalshi:PrivateKey"] = null };

    [Fact]
    public async Task GetAsync_FreshDesk_IsPaperAndNoOneHasSwitchedIt()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();

        var mode = await desk.Get<DeskModeService>().GetAsync();

        Assert.Equal((TradingMode.Paper, "paper", null, null, false), (mode.Mode, mode.Name, mode.ChangedAt, mode.ChangedBy, mode.LiveAllowed));
        Assert.Null(mode.HeldOnPaper);
        Assert.Equal("paper", desk.Get<IBroker>().Name);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(0, await context.DeskMode.CountAsync());
    }

    [Fact]
    public async Task GetAsync_EmptyTableAndTradingModeLive_StartsOnPaperUntilAnAdminConfirms()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);

        var mode = await desk.Get<DeskModeService>().GetAsync();

        Assert.Equal((TradingMode.Paper, null, true), (mode.Mode, mode.ChangedBy, mode.LiveAllowed));
        Assert.Null(mode.HeldOnPaper);
        Assert.Equal("paper", desk.Get<IBroker>().Name);
    }

    [Fact]
    public async Task GoLiveAsync_TradingModePaper_IsRefusedNamingTheKeyAndAudited()
    {
        // Key, exchange and confirmation all there: configuration alone keeps the desk on paper.
        await using var desk = await EngineHarness.WithSandboxAsync();

        var change = await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE");

        Assert.Equal((ModeChangeOutcome.NotReady, false, TradingMode.Paper), (change.Outcome, change.Succeeded, change.State.Mode));
        Assert.Equal("live trading is off in configuration: set Trading:Mode=Live and restart", change.Reason);
        var gate = Assert.Single(change.Checks);
        Assert.Equal(("Trading:Mode", false), (gate.Name, gate.Passed));
        Assert.Equal(TradingMode.Paper, (await desk.Get<DeskModeStore>().ReadAsync()).Mode);
        Assert.Equal("paper", desk.Get<IBroker>().Name);
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live.refused", "paper", "paper"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue));
        Assert.Equal("trading mode paper → live refused: live trading is off in configuration: set Trading:Mode=Live and restart", audit.Details);
        Assert.Equal(0, await context.DeskMode.CountAsync());
        var published = Assert.Single(desk.Events.OfType<DeskModeChanged>());
        Assert.Equal(("paper", "ada", change.Reason), (published.Mode, published.ChangedBy, published.Refusal));
    }

    [Fact]
    public async Task PreconditionsAsync_TradingModePaper_ListsTheGateFirstAsFailed()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();

        var checks = await desk.Get<DeskModeService>().PreconditionsAsync();

        Assert.Equal(["Trading:Mode", "Kalshi key", "configuration", "database", "paper database", "exchange", "api key"], checks.Select(c => c.Name));
        Assert.Equal(("Trading:Mode", false, "live trading is off in configuration: set Trading:Mode=Live and restart"), (checks[0].Name, checks[0].Passed, checks[0].Reason));
        Assert.All(checks.Skip(1), c => Assert.True(c.Passed, c.Line));
    }

    [Fact]
    public async Task Read_SwitchedLiveButTradingModePaper_TradesPaperAndSaysWhy()
    {
        // Switched live on a desk whose configuration allowed it, then Trading:Mode set back to Paper and restarted.
        await using var desk = await EngineHarness.WithSandboxAsync();
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.DeskMode.Add(new DeskModeEntity { Mode = "live", ChangedAt = EngineHarness.Start, ChangedBy = "ada", Version = 1 });
            await context.SaveChangesAsync();
        }

        var mode = await desk.Get<DeskModeStore>().ReadAsync();

        Assert.Equal((TradingMode.Paper, TradingMode.Live, "ada", false), (mode.Mode, mode.Switched, mode.ChangedBy, mode.LiveAllowed));
        Assert.Equal("an admin switched the desk live, but configuration says Trading:Mode=Paper, and configuration wins: set Trading:Mode=Live and restart to trade live again", mode.HeldOnPaper);
        Assert.Equal("paper", desk.Get<IBroker>().Name);
        Assert.Equal(DeskBook.Paper, await desk.Get<DeskBooks>().CurrentAsync());

        // Back to paper records the stored switch, so allowing live again later does not bring the desk back live.
        var back = await desk.Get<DeskModeService>().GoPaperAsync("bob");
        Assert.Equal((ModeChangeOutcome.Changed, TradingMode.Paper, TradingMode.Paper), (back.Outcome, back.State.Mode, back.State.Switched));
        await using var after = await desk.Db.CreateDbContextAsync();
        var audit = await after.Audit.SingleAsync();
        Assert.Equal(("bob", "mode.paper", "live", "paper", "trading mode live (configuration held it on paper) → paper"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue, audit.Details));
    }

    [Fact]
    public void TradingOptionsValidator_AcceptsLiveAndRefusesAnUnknownPreset()
    {
        var validator = new TradingOptionsValidator();

        Assert.True(validator.Validate(null, new TradingOptions { Mode = TradingMode.Live }).Succeeded);
        var refused = validator.Validate(null, new TradingOptions { Preset = "reckless" });
        Assert.Equal("Trading:Preset 'reckless' is not a preset; use conservative, balanced or aggressive.", refused.FailureMessage);
    }

    [Fact]
    public async Task GoLiveAsync_NoKey_IsRefusedWithTheReasonAndAudited()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(NoKey);

        var change = await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE");

        Assert.Equal(ModeChangeOutcome.NotReady, change.Outcome);
        Assert.Equal("no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", change.Reason);
        Assert.Equal(TradingMode.Paper, change.State.Mode);
        Assert.Equal(("Trading:Mode", true), (change.Checks[0].Name, change.Checks[0].Passed));
        var key = change.Checks[1];
        Assert.Equal(("Kalshi key", false), (key.Name, key.Passed));
        Assert.Equal(["configuration", "database", "paper database", "exchange", "api key"], change.Checks.Skip(2).Select(c => c.Name));
        Assert.All(change.Checks.Skip(2), c => Assert.True(c.Passed, c.Line));
        Assert.Equal(TradingMode.Paper, (await desk.Get<DeskModeStore>().ReadAsync()).Mode);
        Assert.Equal("paper", desk.Get<IBroker>().Name);
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live.refused", "paper", "paper", EngineHarness.Start), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue, audit.At));
        Assert.Equal("trading mode paper → live refused: no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath", audit.Details);
        Assert.Equal(0, await context.DeskMode.CountAsync());
        var published = Assert.Single(desk.Events.OfType<DeskModeChanged>());
        Assert.Equal(("paper", "ada", change.Reason), (published.Mode, published.ChangedBy, published.Refusal));
    }

    [Fact]
    public async Task GoLiveAsync_UnusableKey_IsRefusedWithTheKeysOwnMessage()
    {
        // A key id without its key: the process started without one, and the setting changed under it.
        await using var desk = await EngineHarness.WithSandboxAsync(NoKey);
        var modes = desk.Get<DeskModeService>();
        desk.Get<IOptions<Kalshi.KalshiOptions>>().Value.KeyId = "abcd-1234";

        var change = await modes.GoLiveAsync("ada", "LIVE");

        Assert.Equal(ModeChangeOutcome.NotReady, change.Outcome);
        Assert.StartsWith("Kalshi:KeyId is set but no key is: set Kalshi:PrivateKeyPath", change.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("abcd-1234", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live", "type LIVE exactly to confirm going live: 'live' was typed")]
    [InlineData("", "type LIVE exactly to confirm going live: nothing was typed")]
    [InlineData(null, "type LIVE exactly to confirm going live: nothing was typed")]
    [InlineData(" LIVE", "type LIVE exactly to confirm going live: ' LIVE' was typed")]
    public async Task GoLiveAsync_WrongConfirmation_IsRefusedAndAudited(string? typed, string reason)
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);

        var change = await desk.Get<DeskModeService>().GoLiveAsync("ada", typed);

        Assert.Equal((ModeChangeOutcome.NotConfirmed, reason, TradingMode.Paper), (change.Outcome, change.Reason, change.State.Mode));
        Assert.Equal(TradingMode.Paper, (await desk.Get<DeskModeStore>().ReadAsync()).Mode);
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live.refused", "paper", "paper"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public async Task GoLiveAsync_KeyDoctorPassingAndConfirmed_GoesLiveAndAuditsPaperToLive()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);
        var modes = desk.Get<DeskModeService>();
        Assert.Equal(TradingMode.Paper, (await modes.GetAsync()).Mode);

        var change = await modes.GoLiveAsync("ada", "LIVE");

        Assert.Equal(ModeChangeOutcome.Changed, change.Outcome);
        Assert.Null(change.Reason);
        Assert.Equal(["Trading:Mode", "Kalshi key", "configuration", "database", "paper database", "exchange", "api key"], change.Checks.Select(c => c.Name));
        Assert.All(change.Checks, c => Assert.True(c.Passed, c.Line));
        var keyId = desk.Sandbox!.DemoKey.KeyId;
        Assert.Equal("Live: configuration allows live trading", change.Checks[0].Detail);
        Assert.Equal($"configured: key id {keyId[..4]}…", change.Checks[1].Detail);
        Assert.Equal($"key {keyId[..4]}… authenticates; balance $10,000.00", change.Checks[6].Detail);
        Assert.All(change.Checks, c => Assert.DoesNotContain(keyId, c.Detail, StringComparison.Ordinal));
        Assert.Equal("Paper trading, balanced preset, Sqlite database", change.Checks[2].Detail);
        Assert.StartsWith($"Sandbox at {desk.Sandbox.BaseUrl} answers; trading ", change.Checks[5].Detail, StringComparison.Ordinal);

        // The cached read was dropped at the switch: the very next read says live.
        var mode = await modes.GetAsync();
        Assert.Equal((TradingMode.Live, EngineHarness.Start, "ada"), (mode.Mode, mode.ChangedAt, mode.ChangedBy));
        Assert.Equal("live", desk.Get<IBroker>().Name);
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("ada", "mode.live", "paper", "live", "trading mode paper → live"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue, audit.Details));
        var row = await context.DeskMode.SingleAsync();
        Assert.Equal(("live", "ada", EngineHarness.Start), (row.Mode, row.ChangedBy, row.ChangedAt));
        var published = Assert.Single(desk.Events.OfType<DeskModeChanged>());
        Assert.Equal(("live", "ada", (string?)null), (published.Mode, published.ChangedBy, published.Refusal));
    }

    [Fact]
    public async Task Approve_AfterGoingLive_SendsToTheSandboxAndBackOnPaper_FillsOnPaper()
    {
        // One database for both books here: the test is about where orders go, not where they are kept.
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);
        var proposals = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;
        Assert.True(proposals.Count >= 2, $"{proposals.Count} proposals");
        var modes = desk.Get<DeskModeService>();

        Assert.Equal(ModeChangeOutcome.Changed, (await modes.GoLiveAsync("ada", "LIVE")).Outcome);
        var live = await desk.Get<ProposalService>().ApproveAsync(proposals[0], "tom");
        var back = await modes.GoPaperAsync("ada");
        var paper = await desk.Get<ProposalService>().ApproveAsync(proposals[1], "tom");

        Assert.True(live.Succeeded, live.Reason);
        Assert.True(paper.Succeeded, paper.Reason);
        Assert.Equal((ModeChangeOutcome.Changed, TradingMode.Paper), (back.Outcome, back.State.Mode));
        using var http = desk.SandboxClient();
        var orders = await http.GetFromJsonAsync<JsonElement>("portfolio/orders");
        var sent = Assert.Single(orders.GetProperty("orders").EnumerateArray());
        Assert.Equal(live.Proposal!.Ticker, sent.GetProperty("ticker").GetString());
        var (liveOrder, paperOrder) = ("kd-" + proposals[0].ToString("N"), "kd-" + proposals[1].ToString("N"));
        Assert.Equal(liveOrder, sent.GetProperty("client_order_id").GetString());
        await using var context = await desk.Db.CreateDbContextAsync();
        var recorded = (await context.Orders.AsNoTracking().ToListAsync()).ToDictionary(o => o.ClientOrderId);
        Assert.Equal(2, recorded.Count);
        Assert.Equal(("live", sent.GetProperty("order_id").GetString()), (recorded[liveOrder].Broker, recorded[liveOrder].ExchangeOrderId));
        Assert.Equal(("paper", "paper-" + paperOrder), (recorded[paperOrder].Broker, recorded[paperOrder].ExchangeOrderId));
        var audit = await context.Audit.Where(a => a.Action.StartsWith("mode.")).Select(a => new { a.Action, a.OldValue, a.NewValue }).ToListAsync();
        Assert.Equal([("mode.live", "paper", "live"), ("mode.paper", "live", "paper")], audit.OrderBy(a => a.Action, StringComparer.Ordinal).Select(a => (a.Action, a.OldValue!, a.NewValue!)));
    }

    [Fact]
    public async Task GoPaperAsync_AlreadyPaper_SucceedsAndRecordsNothing()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();

        var change = await desk.Get<DeskModeService>().GoPaperAsync("ada");

        Assert.Equal((ModeChangeOutcome.Unchanged, true, TradingMode.Paper), (change.Outcome, change.Succeeded, change.State.Mode));
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(0, await context.Audit.CountAsync());
        Assert.Empty(desk.Events.OfType<DeskModeChanged>());
    }

    [Fact]
    public async Task GoPaperAsync_WithNoKeyLeft_StillSucceedsInOneCall()
    {
        // Live, and the key is then taken away: nothing stands in the way of paper.
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);
        Assert.Equal(ModeChangeOutcome.Changed, (await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE")).Outcome);
        var options = desk.Get<IOptions<Kalshi.KalshiOptions>>().Value;
        (options.KeyId, options.PrivateKey) = (null, null);

        var change = await desk.Get<DeskModeService>().GoPaperAsync("ada");

        Assert.Equal((ModeChangeOutcome.Changed, TradingMode.Paper), (change.Outcome, change.State.Mode));
        Assert.Equal("paper", desk.Get<IBroker>().Name);
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync(a => a.Action == "mode.paper");
        Assert.Equal(("ada", "mode.paper", "live", "paper"), (audit.Actor, audit.Action, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public async Task Mode_SurvivesARestart()
    {
        var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);
        Assert.Equal(ModeChangeOutcome.Changed, (await desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE")).Outcome);
        await using var restarted = await desk.RestartAsync();

        var mode = await restarted.Get<DeskModeService>().GetAsync();

        Assert.Equal((TradingMode.Live, "ada", EngineHarness.Start), (mode.Mode, mode.ChangedBy, mode.ChangedAt));
        Assert.Equal("live", restarted.Get<IBroker>().Name);
    }

    [Fact]
    public async Task GoLiveAsync_TwoAdminsAtOnce_SwitchOnceAndAuditOnce()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(LiveAllowed);

        var changes = await Task.WhenAll(
            Task.Run(() => desk.Get<DeskModeService>().GoLiveAsync("ada", "LIVE")),
            Task.Run(() => desk.Get<DeskModeService>().GoLiveAsync("bob", "LIVE")));

        Assert.All(changes, c => Assert.True(c.Succeeded, c.Reason));
        Assert.Single(changes, c => c.Outcome == ModeChangeOutcome.Changed);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(1, await context.Audit.CountAsync(a => a.Action == "mode.live"));
        Assert.Equal(TradingMode.Live, (await desk.Get<DeskModeStore>().ReadAsync()).Mode);
    }

    [Fact]
    public void KeyStatus_ShowsAtMostTheFirstFourCharactersOfTheKeyId()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var configured = DeskChecks.KeyStatus(new Kalshi.KalshiOptions { KeyId = "4f3c2b1a-0000-4000-8000-123456789abc", PrivateKey = rsa.ExportRSAPrivateKeyPem() });
        var missing = DeskChecks.KeyStatus(new Kalshi.KalshiOptions());
        var halfway = DeskChecks.KeyStatus(new Kalshi.KalshiOptions { PrivateKeyPath = "/nonexistent/kalshi.pem" });

        Assert.Equal((KalshiKeyState.Configured, "configured: key id 4f3c…", "4f3c…"), (configured.State, configured.Text, configured.KeyId));
        Assert.Equal((KalshiKeyState.Missing, "not configured"), (missing.State, missing.Text));
        Assert.Equal((KalshiKeyState.Unusable, "Kalshi:KeyId is missing: set it to the API key id shown beside your key on Kalshi's account page."), (halfway.State, halfway.Text));
        Assert.Equal(("Kalshi key", false, "no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath"), (missing.AsCheck().Name, missing.AsCheck().Passed, missing.AsCheck().Reason));
    }
}
