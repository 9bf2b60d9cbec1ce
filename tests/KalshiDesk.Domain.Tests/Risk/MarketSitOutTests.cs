using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Domain.Tests.Risk;

public class MarketSitOutTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Cooldown = TimeSpan.FromHours(1);

    private static MarketCheck Check(MarketSnapshot market, DateTimeOffset? now = null, (string, DateTimeOffset)? change = null) =>
        MarketSitOut.Check(market, now ?? MarketBuilder.Now, MaxAge, change, Cooldown);

    [Fact]
    public void Check_OpenFreshUnchangedMarket_PassesEveryGate()
    {
        var check = Check(new MarketBuilder().Build());

        Assert.False(check.SitsOut);
        Assert.Equal([RiskGate.MarketOpen, MarketSitOut.DataAge, MarketSitOut.Rules], check.Passed);
    }

    [Fact]
    public void Check_PausedMarket_SitsOutAsNotOpen()
    {
        var check = Check(new MarketBuilder().Status(MarketStatus.Inactive).Build());

        Assert.Equal((RiskGate.MarketOpen, "market open: market is inactive"), (check.FailedGate, check.Reason));
        Assert.Empty(check.Passed);
    }

    [Fact]
    public void Check_SnapshotOlderThanTheLimit_SitsOutForStaleData()
    {
        var check = Check(new MarketBuilder().Build(), MarketBuilder.Now.AddMinutes(6));

        Assert.Equal((MarketSitOut.DataAge, "data age: the snapshot is 6 min old, the limit is 5 min"), (check.FailedGate, check.Reason));
        Assert.Equal([RiskGate.MarketOpen], check.Passed);
    }

    [Fact]
    public void Check_SnapshotExactlyAtTheLimit_Passes()
    {
        Assert.False(Check(new MarketBuilder().Build(), MarketBuilder.Now.AddMinutes(5)).SitsOut);
    }

    [Fact]
    public void Check_TermsChangedWithinTheCooldown_SitsOutUntilItEnds()
    {
        var change = ("close time 2026-11-25 15:00Z → 2026-11-26 15:00Z", MarketBuilder.Now.AddMinutes(-10));

        var during = Check(new MarketBuilder().Build(), MarketBuilder.Now, change);
        var after = Check(new MarketBuilder().Build(), MarketBuilder.Now.AddMinutes(50), change);

        Assert.Equal(MarketSitOut.Rules, during.FailedGate);
        Assert.Equal("rules: changed since the last forecast (close time 2026-11-25 15:00Z → 2026-11-26 15:00Z); sits out until 2026-11-23 15:50Z", during.Reason);
        Assert.DoesNotContain(MarketSitOut.Rules, Check(new MarketBuilder().Build(), MarketBuilder.Now.AddMinutes(4), change).Passed);
        Assert.True(after.SitsOut);
        Assert.Equal(MarketSitOut.DataAge, after.FailedGate);
    }

    [Fact]
    public void Terms_ChangedCloseTimeAndStrike_AreDescribed()
    {
        var before = MarketTerms.Of(new MarketBuilder().Build() with { StrikeType = "greater", FloorStrike = 60m });
        var after = MarketTerms.Of(new MarketBuilder().ClosesIn(TimeSpan.FromDays(3)).Build() with { StrikeType = "greater", FloorStrike = 62m });

        Assert.Null(before.ChangesFrom(before));
        Assert.Equal("strike greater 60 → greater 62, close time 2026-11-25 15:00Z → 2026-11-26 15:00Z", after.ChangesFrom(before));
    }

    [Fact]
    public void DepthWithEdge_CountsOnlyLevelsWhoseEdgeClearsTheMinimum()
    {
        // YES asks 0.55 ×10, 0.58 ×20, 0.62 ×30 for a side worth 0.63: edges net of the taker fee are 0.0627, 0.0329
        // and −0.0065, so 30 contracts clear the balanced 0.03.
        var book = new OrderBook([], [new(Price.Parse("0.45"), Quantity.Of(10)), new(Price.Parse("0.42"), Quantity.Of(20)), new(Price.Parse("0.38"), Quantity.Of(30))]);

        var depth = MarketSitOut.DepthWithEdge(book, Side.Yes, Probability.Of(0.63), FeeSchedule.Standard, 0.03);

        Assert.Equal(30m, depth.Contracts);
        Assert.Null(MarketSitOut.DepthReason(book, Side.Yes, Price.Parse("0.58"), Probability.Of(0.63), FeeSchedule.Standard, 0.03, 30m));
        Assert.Equal(
            "depth: 30 yes contracts offered at prices with edge ≥ 0.03, fewer than the 31 needed",
            MarketSitOut.DepthReason(book, Side.Yes, Price.Parse("0.58"), Probability.Of(0.63), FeeSchedule.Standard, 0.03, 31m));
    }

    [Fact]
    public void DepthReason_NoOffersWithEdge_SitsOut()
    {
        var book = new OrderBook([new(Price.Parse("0.40"), Quantity.Of(100))], [new(Price.Parse("0.38"), Quantity.Of(100))]);

        Assert.Equal(
            "depth: 0 no contracts offered at prices with edge ≥ 0.03, fewer than the 1 needed",
            MarketSitOut.DepthReason(book, Side.No, Price.Parse("0.60"), Probability.Of(0.58), FeeSchedule.Standard, 0.03, 1m));
    }

    [Fact]
    public void DepthReason_BidRestingBelowTheAsk_NeverSitsOutForDepth()
    {
        // A maker bid at 0.57 for NO waits for sellers; the 0.60 offers do not matter to it.
        var book = new OrderBook([new(Price.Parse("0.40"), Quantity.Of(100))], [new(Price.Parse("0.38"), Quantity.Of(100))]);

        Assert.Null(MarketSitOut.DepthReason(book, Side.No, Price.Parse("0.57"), Probability.Of(0.58), FeeSchedule.Standard, 0.03, 1m));
    }
}
