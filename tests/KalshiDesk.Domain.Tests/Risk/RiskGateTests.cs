using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Domain.Tests.Risk;

public class RiskGateTests
{
    private static readonly Price Ask = Price.Parse("0.55");

    private static SizingResult Sized(decimal contracts) =>
        KellySizer.Result(0.3, Quantity.Of(contracts), Ask, FeeSchedule.Standard, SizingLimit.Kelly);

    private static RiskDecision Evaluate(MarketSnapshot market, SizingResult sizing, PortfolioState? portfolio = null, double edge = 0.13, double disagreement = 0) =>
        RiskGate.Evaluate(market, Side.Yes, Ask, edge, sizing, disagreement, RiskPresets.Balanced, portfolio ?? PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now);

    [Fact]
    public void Evaluate_WithinEveryLimit_ApprovesAndListsTheGates()
    {
        var decision = Evaluate(new MarketBuilder().Build(), Sized(44));

        Assert.Equal(RiskOutcome.Approved, decision.Outcome);
        Assert.Equal(44m, decision.Sizing.Contracts.Contracts);
        Assert.Equal(
            [RiskGate.SitOut, RiskGate.MarketOpen, RiskGate.TimeToClose, RiskGate.Spread, RiskGate.MinEdge, RiskGate.Disagreement, RiskGate.OpenPositions, RiskGate.SingleTrade, RiskGate.TotalExposure, RiskGate.EventExposure, RiskGate.Cash],
            decision.GatesPassed);
    }

    [Fact]
    public void Evaluate_DeskSittingOut_DeniesWithTheReasonBeforeAnyOtherGate()
    {
        var conditions = new DeskConditions("calibration degraded: rolling Brier skill -0.0210 against the market over the last 100 settled markets");

        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(44), 0, RiskPresets.Balanced, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, conditions);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal(0m, decision.Sizing.Contracts.Contracts);
        Assert.Empty(decision.GatesPassed);
        Assert.Equal("sit-out: calibration degraded: rolling Brier skill -0.0210 against the market over the last 100 settled markets", Assert.Single(decision.Reasons));
    }

    [Fact]
    public void Evaluate_NormalConditions_PassesTheSitOutGate()
    {
        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(44), 0, RiskPresets.Balanced, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, DeskConditions.Normal);

        Assert.Equal(RiskOutcome.Approved, decision.Outcome);
        Assert.Equal(RiskGate.SitOut, decision.GatesPassed[0]);
    }

    [Fact]
    public void Evaluate_LargerThanSingleTradeCap_ShrinksTo44()
    {
        var decision = Evaluate(new MarketBuilder().Build(), Sized(100));

        Assert.Equal(RiskOutcome.Shrunk, decision.Outcome);
        Assert.Equal(44m, decision.Sizing.Contracts.Contracts);
        Assert.Contains(decision.Reasons, r => r.StartsWith(RiskGate.SingleTrade, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EventAlmostFull_ShrinksToTheRoomLeft()
    {
        // Balanced allows 7.5% of $1,000 = $75 per event; $70 is held, so $5 is left: 8 × 0.55 = 4.40 + 0.14 = 4.54.
        var portfolio = new PortfolioState(
            new Money(1000m),
            new Money(930m),
            new Dictionary<string, Money> { ["KXHIGHNY-26NOV24-T58"] = new(70m) },
            new Dictionary<string, Money> { ["KXHIGHNY-26NOV24"] = new(70m) });

        var decision = Evaluate(new MarketBuilder().Build(), Sized(44), portfolio);

        Assert.Equal(RiskOutcome.Shrunk, decision.Outcome);
        Assert.Equal(8m, decision.Sizing.Contracts.Contracts);
        Assert.Equal(4.54m, decision.Sizing.Outlay.Dollars);
    }

    [Fact]
    public void Evaluate_ClosingTooSoon_Denies()
    {
        var decision = Evaluate(new MarketBuilder().ClosesIn(TimeSpan.FromMinutes(30)).Build(), Sized(10));

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.StartsWith(RiskGate.TimeToClose, decision.Reasons.Single(), StringComparison.Ordinal);
        Assert.True(decision.Sizing.Contracts.IsZero);
    }

    [Fact]
    public void Evaluate_WideSpread_Denies()
    {
        var decision = Evaluate(new MarketBuilder().Quote(0.40m, 0.55m).Build(), Sized(10));

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal("spread: 0.15 is wider than 0.06", decision.Reasons.Single());
    }

    [Fact]
    public void Evaluate_EdgeBelowMinimum_Denies()
    {
        var decision = Evaluate(new MarketBuilder().Build(), Sized(10), edge: 0.0299);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal("minimum edge: edge 0.0299 is below 0.03", decision.Reasons.Single());
    }

    [Fact]
    public void Evaluate_ModelsDisagree_Denies()
    {
        var decision = Evaluate(new MarketBuilder().Build(), Sized(10), disagreement: 0.51);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.StartsWith(RiskGate.Disagreement, decision.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PausedMarket_Denies()
    {
        var decision = Evaluate(new MarketBuilder().Status(MarketStatus.Inactive).Build(), Sized(10));

        Assert.Equal("market open: market is inactive", decision.Reasons.Single());
    }

    [Fact]
    public void Evaluate_MaxPositionsHeld_DeniesANewMarket()
    {
        var held = Enumerable.Range(0, 25).ToDictionary(i => $"M-{i}", _ => new Money(1m));
        var portfolio = new PortfolioState(new Money(1000m), new Money(975m), held, new Dictionary<string, Money>());

        var decision = Evaluate(new MarketBuilder().Build(), Sized(10), portfolio);

        Assert.Equal("open positions: 25 held, preset allows 25", decision.Reasons.Single());
    }

    [Fact]
    public void Evaluate_NoCash_Denies()
    {
        var portfolio = new PortfolioState(new Money(1000m), new Money(0.10m), new Dictionary<string, Money>(), new Dictionary<string, Money>());

        var decision = Evaluate(new MarketBuilder().Build(), Sized(10), portfolio);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.StartsWith(RiskGate.Cash, StringComparison.Ordinal));
    }

    [Fact]
    public void Presets_HaveTheProductTableDefaults()
    {
        Assert.Equal(
            [(0.25m, 0.05, 0.01m, 0.15m, 0.03m, 10, 0.02m, 0.08m, 4, 0.04m, 6d, 0.35), (0.50m, 0.03, 0.025m, 0.30m, 0.075m, 25, 0.04m, 0.15m, 6, 0.06m, 1d, 0.50), (0.75m, 0.02, 0.05m, 0.50m, 0.15m, 50, 0.08m, 0.25m, 8, 0.10m, 0.25d, 0.75)],
            RiskPresets.All.Select(p => (p.KellyMultiplier, p.MinEdge, p.MaxSingleTrade, p.MaxTotalExposure, p.MaxEventExposure, p.MaxOpenPositions, p.DailyLossLimit, p.MaxDrawdown, p.MaxConsecutiveLosses, p.MaxSpread, p.MinTimeToClose.TotalHours, p.MaxModelDisagreement)));
        Assert.Same(RiskPresets.Balanced, RiskPresets.Get("Balanced"));
        Assert.Throws<ArgumentException>(() => RiskPresets.Get("reckless"));
    }
}
