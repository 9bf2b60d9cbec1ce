using KalshiDesk.Domain.Decisions;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.TestKit.Builders;

namespace KalshiDesk.Domain.Tests.Decisions;

public class TradeEvaluatorTests
{
    private static readonly PortfolioState Flat = PortfolioState.Flat(new Money(1000m));

    [Fact]
    public void Evaluate_EstimateAboveAsk_ProposesYesSizedToTheCap()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.RiskPassed, decision.Stage);
        Assert.True(decision.IsTrade);
        Assert.Equal(Side.Yes, decision.Best!.Side);
        Assert.Equal(0.1327, Math.Round(decision.Best.Edge, 4));
        Assert.Equal(44m, decision.Risk!.Sizing.Contracts.Contracts);
    }

    [Fact]
    public void Evaluate_EstimateBelowBid_ProposesNoAtOneMinusBid()
    {
        // NO costs 1 − 0.53 = 0.47; q(no) = 0.70; fee 0.07 × 0.47 × 0.53 = 0.017437
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.30), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(Side.No, decision.Best!.Side);
        Assert.Equal(0.47m, decision.Best.Price.Dollars);
        Assert.Equal(0.212563, Math.Round(decision.Best.Edge, 6));
    }

    [Fact]
    public void Evaluate_EstimateAtMid_StopsAtPricedWithAReason()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.54), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.Priced, decision.Stage);
        Assert.False(decision.IsTrade);
        Assert.StartsWith("no edge", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoEstimate_StopsAtScanned()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), null, 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.Scanned, decision.Stage);
    }

    [Fact]
    public void Evaluate_EmptyBook_StopsAtScanned()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Quote(null, null).Build(), Probability.Of(0.7), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.Scanned, decision.Stage);
        Assert.StartsWith("no executable price", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RiskDenies_StopsAtSizedWithTheGateReason()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().ClosesIn(TimeSpan.FromMinutes(20)).Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.Sized, decision.Stage);
        Assert.StartsWith("time to close", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithThinBook_SizesToDepth()
    {
        var book = new OrderBook([new BookLevel(Price.Parse("0.53"), Quantity.Of(500m))], [new BookLevel(Price.Parse("0.45"), Quantity.Of(7m))]);

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, book);

        Assert.Equal(7m, decision.Risk!.Sizing.Contracts.Contracts);
    }
}
