using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Risk;

public class RiskSettingsTests
{
    [Fact]
    public async Task SwitchPreset_IsStoredAuditedAndInForce()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());
        var settings = desk.Get<RiskSettings>();

        var switched = await settings.SwitchPresetAsync("Conservative", "carol");
        var again = await settings.SwitchPresetAsync("conservative", "carol");
        var unknown = await settings.SwitchPresetAsync("reckless", "carol");

        Assert.Equal((true, true), (switched.Succeeded, switched.Changed));
        Assert.Equal((true, false), (again.Succeeded, again.Changed));
        Assert.Equal((false, "Unknown preset 'reckless'; use conservative, balanced or aggressive."), (unknown.Succeeded, unknown.Error));
        Assert.Same(RiskPresets.Conservative, await desk.Get<PresetProvider>().GetActiveAsync());
        await using var context = await desk.Db.CreateDbContextAsync();
        var audit = await context.Audit.SingleAsync(a => a.Action == "risk.preset");
        Assert.Equal(("carol", "balanced", "conservative", "preset balanced → conservative", EngineHarness.Start), (audit.Actor, audit.OldValue, audit.NewValue, audit.Details, audit.At));
    }

    [Fact]
    public async Task SwitchPreset_TighterThanTheBook_LeavesTheDeskReducingUntilExitsOnly()
    {
        // 44 YES at 0.55 ($24.20) is 2.4% of equity: inside balanced's 30%, above a total-exposure override of 2%.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var ids = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;
        await desk.Get<ProposalService>().ApproveAsync(ids[0], "alice");

        await desk.Get<RiskSettings>().SetOverrideAsync("maxTotalExposure", 0.02m, "admin");
        var state = await desk.Get<RiskMonitor>().ReadAsync();
        var approval = await desk.Get<ProposalService>().ApproveAsync(ids[1], "alice");

        Assert.Equal(TradingState.Reducing, state!.State);
        Assert.Equal("open exposure $24.20 is above the balanced cap of $19.98 (2% of equity); exits only until it is back under", state.Reason);
        Assert.False(approval.Succeeded);
        Assert.StartsWith("limits: reducing: open exposure $24.20", approval.Reason, StringComparison.Ordinal);

        await desk.Get<RiskSettings>().ClearOverrideAsync("maxTotalExposure", "admin");
        Assert.Equal(TradingState.Active, (await desk.Get<RiskMonitor>().ReadAsync())!.State);
    }

    [Fact]
    public async Task Overrides_ArePerPresetValidatedAndAudited()
    {
        await using var desk = await EngineHarness.WithFakeAsync(new FakeExchange());
        var settings = desk.Get<RiskSettings>();
        var presets = desk.Get<PresetProvider>();

        var set = await settings.SetOverrideAsync("maxSpread", 0.05m, "admin");
        var invalid = await settings.SetOverrideAsync("maxSpread", 2m, "admin");
        var unknown = await settings.SetOverrideAsync("leverage", 2m, "admin");
        var balanced = await presets.GetSelectionAsync();
        await settings.SwitchPresetAsync("aggressive", "admin");
        var aggressive = await presets.GetActiveAsync();
        await settings.SwitchPresetAsync("balanced", "admin");
        desk.Time.Advance(TimeSpan.FromSeconds(1));
        var cleared = await settings.ClearOverrideAsync("maxSpread", "admin");

        Assert.True(set.Changed);
        Assert.Equal("maxSpread must be between 0.01 and 1 (dollars); 2 is not.", invalid.Error);
        Assert.StartsWith("Unknown limit 'leverage'; use one of kellyMultiplier, minEdge,", unknown.Error, StringComparison.Ordinal);
        Assert.Equal((0.05m, 0.06m), (balanced.Effective.MaxSpread, balanced.Preset.MaxSpread));
        Assert.Equal(new Dictionary<string, decimal> { ["maxSpread"] = 0.05m }, balanced.Overrides);
        Assert.Equal(0.10m, aggressive.MaxSpread);
        Assert.True(cleared.Changed);
        Assert.Same(RiskPresets.Balanced, await presets.GetActiveAsync());
        await using var context = await desk.Db.CreateDbContextAsync();
        var audits = await context.Audit.Where(a => a.Action == "risk.override").OrderBy(a => a.At).ToListAsync();
        Assert.Equal(
            [("balanced maxSpread 0.06 → 0.05 (dollars)", "0.06", "0.05"), ("balanced maxSpread 0.05 → 0.06 (override removed; the preset's value)", "0.05", "0.06")],
            audits.Select(a => (a.Details, a.OldValue, a.NewValue)));
    }
}
