using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
            [RiskGate.TradingState, RiskGate.SitOut, RiskGate.MarketOpen, RiskGate.TimeToClose, RiskGate.Spread, RiskGate.MinEdge, RiskGate.Disagreement, RiskGate.OpenPositions, RiskGate.SingleTrade, RiskGate.TotalExposure, RiskGate.EventExposure, RiskGate.Cash],
            decision.GatesPassed);
    }

    [Fact]
    public void Evaluate_DeskSittingOut_DeniesWithTheReasonBeforeAnyMarketGate()
    {
        var conditions = new DeskConditions("calibration degraded: rolling Brier skill -0.0210 against the market over the last 100 settled markets");

        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(44), 0, RiskPresets.Balanced, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, conditions);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal(0m, decision.Sizing.Contracts.Contracts);
        Assert.Equal([RiskGate.TradingState], decision.GatesPassed);
        Assert.Equal(RiskGate.SitOut, decision.DeniedBy);
        Assert.Equal("sit-out: calibration degraded: rolling Brier skill -0.0210 against the market over the last 100 settled markets", Assert.Single(decision.Reasons));
    }

    [Fact]
    public void Evaluate_NormalConditions_PassesTheSitOutGate()
    {
        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(44), 0, RiskPresets.Balanced, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, DeskConditions.Normal);

        Assert.Equal(RiskOutcome.Approved, decision.Outcome);
        Assert.Equal([RiskGate.TradingState, RiskGate.SitOut], decision.GatesPassed.Take(2));
        Assert.Null(decision.DeniedBy);
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
        Assert.Equal([RiskGate.EventExposure], decision.ShrunkBy);
        Assert.Null(decision.DeniedBy);
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

    [Fact]
    public void Evaluate_Halted_DeniesWithTheHaltReasonBeforeEveryOtherGate()
    {
        var conditions = new DeskConditions("calibration degraded") { State = TradingState.Halted, StateReason = "kill switch pulled by admin" };

        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(44), 0, RiskPresets.Balanced, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, conditions);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Empty(decision.GatesPassed);
        Assert.Equal(RiskGate.TradingState, decision.DeniedBy);
        Assert.Equal("halted: kill switch pulled by admin", Assert.Single(decision.Reasons));
        Assert.True(decision.Sizing.Contracts.IsZero);
    }

    [Fact]
    public void Evaluate_Reducing_DeniesEveryNewEntry()
    {
        var conditions = new DeskConditions { State = TradingState.Reducing, StateReason = "open exposure $350.00 is above the conservative cap of $150.00 (15% of equity); exits only until it is back under" };

        var decision = RiskGate.Evaluate(new MarketBuilder().Build(), Side.Yes, Ask, 0.13, Sized(1), 0, RiskPresets.Conservative, PortfolioState.Flat(new Money(1000m)), MarketBuilder.Now, conditions);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal("reducing: open exposure $350.00 is above the conservative cap of $150.00 (15% of equity); exits only until it is back under", Assert.Single(decision.Reasons));
        Assert.False(conditions.AllowsEntries);
    }

    [Fact]
    public void Evaluate_EventFull_IsDeniedByTheEventExposureGate()
    {
        // Balanced allows $75 in one event; $75 is held, so nothing fits.
        var portfolio = new PortfolioState(
            new Money(1000m),
            new Money(925m),
            new Dictionary<string, Money> { ["KXHIGHNY-26NOV24-T58"] = new(75m) },
            new Dictionary<string, Money> { ["KXHIGHNY-26NOV24"] = new(75m) });

        var decision = Evaluate(new MarketBuilder().Build(), Sized(10), portfolio);

        Assert.Equal(RiskOutcome.Denied, decision.Outcome);
        Assert.Equal(RiskGate.EventExposure, decision.DeniedBy);
        Assert.Equal("event exposure: $5.68 exceeds the $0.00 allowed; 0.00 contracts fit", Assert.Single(decision.Reasons));
    }

    [Fact]
    public void WithEntry_ReservesTheOutlayInCashTheMarketAndItsEvent()
    {
        var portfolio = PortfolioState.Flat(new Money(1000m)).WithEntry("KXHIGHNY-26NOV24-T60", "KXHIGHNY-26NOV24", new Money(24.97m));

        var twice = portfolio.WithEntry("KXHIGHNY-26NOV24-T62", "KXHIGHNY-26NOV24", new Money(10m));

        Assert.Equal((1000m, 975.03m, 24.97m, 1), (portfolio.Equity.Dollars, portfolio.Cash.Dollars, portfolio.OpenExposure.Dollars, portfolio.OpenPositions));
        Assert.Equal((965.03m, 34.97m, 2), (twice.Cash.Dollars, twice.ExposureByEvent["KXHIGHNY-26NOV24"].Dollars, twice.OpenPositions));
    }

    [Property(MaxTest = 500)]
    public Property Evaluate_AnyPortfolioAndSize_NeverApprovesAnOutlayAboveACap(ushort equityDollars, byte cashPercent, byte heldPercent, byte eventPercent, ushort contracts, byte askCents, byte preset)
    {
        // Whatever the sizer asked for, what the gate lets through fits the single-trade cap, the total and event
        // exposure left, and the cash.
        var equity = 50m + equityDollars;
        var limits = RiskPresets.All[preset % 3];
        var ask = Price.FromDollars(Math.Clamp(askCents % 100, 2, 98) / 100m);
        var market = new MarketBuilder().Quote(ask.Dollars - 0.01m, ask.Dollars).Build();
        var held = equity * (heldPercent % 60) / 100m;
        var inEvent = Math.Min(held, equity * (eventPercent % 20) / 100m);
        var cash = equity * (cashPercent % 101) / 100m;
        var portfolio = new PortfolioState(
            new Money(equity),
            new Money(cash),
            new Dictionary<string, Money> { ["OTHER-1"] = new(held - inEvent), ["KXHIGHNY-26NOV24-T58"] = new(inEvent) },
            new Dictionary<string, Money> { ["OTHER"] = new(held - inEvent), ["KXHIGHNY-26NOV24"] = new(inEvent) });
        var sizing = KellySizer.Result(0.3, Quantity.Of(contracts % 5000 + 1), ask, FeeSchedule.Standard, SizingLimit.Kelly);

        var decision = RiskGate.Evaluate(market, Side.Yes, ask, 0.2, sizing, 0, limits, portfolio, MarketBuilder.Now);

        var outlay = decision.Sizing.Outlay.Dollars;
        var fits = outlay <= equity * limits.MaxSingleTrade
                   && outlay <= equity * limits.MaxTotalExposure - held
                   && outlay <= equity * limits.MaxEventExposure - inEvent
                   && outlay <= cash;
        return (!decision.Allowed || (fits && outlay > 0m)).Label($"{decision.Outcome} ${outlay} of {equity} ({string.Join("; ", decision.Reasons)})");
    }
}
