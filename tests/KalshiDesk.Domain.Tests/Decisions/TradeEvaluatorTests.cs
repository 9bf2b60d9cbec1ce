using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KalshiDesk.Domain.Decisions;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;
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
        Assert.Equal("no edge: best is yes at -0.0273", decision.Reason);
    }

    [Fact]
    public void Evaluate_EdgeBelowThePresetsMinimum_StopsAtPricedNamingTheMinimum()
    {
        // q 0.58 at 0.55: 0.58 − 0.567325 = 0.012675, positive but below balanced's 0.03; nothing is sized.
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.58), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now);

        Assert.Equal(FunnelStage.Priced, decision.Stage);
        Assert.Equal("minimum edge: edge 0.0127 is below the preset's 0.03", decision.Reason);
        Assert.Equal((0m, SizingLimit.Edge), (decision.Yes!.Sizing.Contracts.Contracts, decision.Yes.Sizing.LimitedBy));
        Assert.Equal(0.012675 / 0.432675, decision.Yes.Sizing.KellyFraction, 9);
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

    // A 53/55 market's book: 50 YES bid at 0.53, 500 NO bid at 0.45 (YES offered at 0.55).
    private static readonly OrderBook Book = new([new BookLevel(Price.Parse("0.53"), Quantity.Of(50m))], [new BookLevel(Price.Parse("0.45"), Quantity.Of(500m))]);

    [Fact]
    public void Evaluate_WalkingADeepBook_EdgeShrinksToTheAverageOfTheLevelsTaken()
    {
        // YES offers 10 at 0.55, 10 at 0.60, 100 at 0.65: 39 contracts for 23.85 + a 0.643825 raw fee, limit 0.65.
        var book = new OrderBook([new BookLevel(Price.Parse("0.53"), Quantity.Of(50m))], [new BookLevel(Price.Parse("0.45"), Quantity.Of(10)), new BookLevel(Price.Parse("0.40"), Quantity.Of(10)), new BookLevel(Price.Parse("0.35"), Quantity.Of(100))]);

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, book);

        var best = decision.Best!;
        Assert.Equal((Liquidity.Taker, 0.65m, 39m), (best.Route, best.Price.Dollars, best.Sizing.Contracts.Contracts));
        Assert.Equal(0.643825m / 39m, best.FeePerContract);
        Assert.Equal(0.70 - (double)((23.85m + 0.643825m) / 39m), best.Edge, 12);
        Assert.True(best.Edge < 0.132675, $"edge {best.Edge} should be below the top level's");
        Assert.Equal(39m, decision.Risk!.Sizing.Contracts.Contracts);
    }

    [Fact]
    public void Evaluate_NoFlow_KeepsTheTakerRouteAndRecordsNoAlternative()
    {
        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book);

        Assert.Equal((Liquidity.Taker, 1d, 0.55m), (decision.Best!.Route, decision.Best.FillProbability, decision.Best.Price.Dollars));
        Assert.Null(decision.Best.Alternative);
    }

    [Fact]
    public void Evaluate_BusyTape_RestsAtTheBidWhenTheMakerRouteIsWorthMore()
    {
        // 600 contracts sold into YES bids in the last hour; a 15-minute bid expects 150 against 50 ahead + 47 of ours: p = 1.
        // Maker at 0.53, no maker fee: edge 0.17, Kelly 0.3617, $25 cap → 47 contracts (24.91): EV 7.99 against the taker's
        // 44 × 0.132675 = 5.84.
        var flow = new RestingFlow(Quantity.Of(600), Quantity.Of(100), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book, flow: flow);

        var best = decision.Best!;
        Assert.Equal(FunnelStage.RiskPassed, decision.Stage);
        Assert.Equal((Side.Yes, Liquidity.Maker, 0.53m, 1d), (best.Side, best.Route, best.Price.Dollars, best.FillProbability));
        Assert.Equal((47m, 24.91m, 0m), (best.Sizing.Contracts.Contracts, best.Sizing.Cost.Dollars, best.Sizing.Fee.Dollars));
        Assert.Equal(0.17, best.Edge, 12);
        Assert.Equal(47 * 0.17, best.ExpectedValue, 9);
        Assert.Equal(Liquidity.Taker, best.Alternative!.Route);
        Assert.Equal(44m * 0.132675m, (decimal)best.Alternative.ExpectedValue, 9);
    }

    [Fact]
    public void Evaluate_ThinTape_CrossesBecauseTheRestingBidWouldRarelyFill()
    {
        // 60 in the hour → 15 expected in 15 minutes against 97 needed: p = 15/97, EV 1.24 < the taker's 5.84.
        var flow = new RestingFlow(Quantity.Of(60), Quantity.Zero, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book, flow: flow);

        Assert.Equal(Liquidity.Taker, decision.Best!.Route);
        var maker = decision.Best.Alternative!;
        Assert.Equal((Liquidity.Maker, 0.53m), (maker.Route, maker.Price.Dollars));
        Assert.Equal(15d / 97d, maker.FillProbability, 12);
    }

    [Fact]
    public void Evaluate_MakerFeeSeries_TheRestingBidPaysTheQuarterRate()
    {
        // Maker fee at 0.53: 0.0175 × 0.53 × 0.47 = 0.00435925; edge 0.16564075; the $25 cap fits 46.
        var flow = new RestingFlow(Quantity.Of(600), Quantity.Zero, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));
        var market = new MarketBuilder().Fees(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m)).Build();

        var decision = TradeEvaluator.Evaluate(market, Probability.Of(0.70), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book, flow: flow);

        var best = decision.Best!;
        Assert.Equal(Liquidity.Maker, best.Route);
        Assert.Equal(0.00435925m, best.FeePerContract);
        Assert.Equal(0.16564075, best.Edge, 12);
        Assert.Equal((46m, 0.21m), (best.Sizing.Contracts.Contracts, best.Sizing.Fee.Dollars));
    }

    [Fact]
    public void Evaluate_EdgeOnlyAtTheBid_TradesTheMakerRoute()
    {
        // q 0.57: crossing at 0.55 leaves 0.002675 (below 0.03); resting at 0.53 has 0.04 of edge.
        var flow = new RestingFlow(Quantity.Of(600), Quantity.Zero, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.57), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book, flow: flow);

        Assert.True(decision.IsTrade, decision.Reason);
        Assert.Equal((Liquidity.Maker, 0.53m), (decision.Best!.Route, decision.Best.Price.Dollars));
        Assert.Equal(0.04, decision.Best.Edge, 12);
    }

    [Fact]
    public void Evaluate_NoSide_BuysNoAtTheNoBidWhenResting()
    {
        // q(yes) 0.30: the NO bid is 1 − 0.55 = 0.45 with 500 ahead; 400 NO-bid hits an hour → 100 in 15 minutes of 500 + n.
        var flow = new RestingFlow(Quantity.Zero, Quantity.Of(400), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));

        var decision = TradeEvaluator.Evaluate(new MarketBuilder().Build(), Probability.Of(0.30), 0, RiskPresets.Balanced, Flat, MarketBuilder.Now, Book, flow: flow);

        var maker = decision.Best!.Route == Liquidity.Maker ? decision.Best : decision.Best.Alternative!;
        Assert.Equal((Side.No, Liquidity.Maker, 0.45m), (maker.Side, maker.Route, maker.Price.Dollars));
        Assert.Equal(100d / (500d + (double)maker.Sizing.Contracts.Contracts), maker.FillProbability, 12);
    }

    [Property]
    public Property Evaluate_NeverTradesWithoutEdgeNorBeyondTheSingleTradeCap(byte probabilityCents, byte bidCents, byte spreadCents, ushort equityDollars, byte yesHits, byte noHits)
    {
        var bid = Math.Clamp(bidCents % 100, 1, 97) / 100m;
        var ask = Math.Min(bid + Math.Max(spreadCents % 6, 1) / 100m, 0.99m);
        var q = Probability.Of(Math.Clamp(probabilityCents % 101, 1, 99) / 100d);
        var market = new MarketBuilder().Quote(bid, ask).Build();
        var book = new OrderBook([new BookLevel(Price.FromDollars(bid), Quantity.Of(20))], [new BookLevel(Price.FromDollars(1m - ask), Quantity.Of(30)), new BookLevel(Price.FromDollars(0.99m - ask), Quantity.Of(500))]);
        var flow = new RestingFlow(Quantity.Of(yesHits), Quantity.Of(noHits), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));
        var equity = new Money(equityDollars + 1m);

        var decision = TradeEvaluator.Evaluate(market, q, 0, RiskPresets.Balanced, PortfolioState.Flat(equity), MarketBuilder.Now, book, flow: flow);

        var sized = decision.Risk?.Sizing;
        var ok = !decision.IsTrade
            || (decision.Best!.Edge >= RiskPresets.Balanced.MinEdge
                && sized!.Outlay <= equity * RiskPresets.Balanced.MaxSingleTrade
                && (double)((sized.Cost.Dollars / sized.Contracts.Contracts) + decision.Best.FeePerContract) < decision.Best.Probability.Value);
        return ok.Label($"q {q} {bid}/{ask} equity {equity}: {decision.Best} {decision.Risk?.Sizing}");
    }

    [Fact]
    public void Evaluate_EventCapShrinksAWalkedOrder_WalksTheSameOffersAgain()
    {
        // $63 already in the event leaves $12 of balanced's $75. Walking again: 10 at 0.55 and 10 at 0.60 cost 11.50 with a
        // 0.34125 raw fee (0.35 rounded): 11.85 fits, a 21st contract at 0.65 does not. Re-priced at the deepest level
        // (0.65 with its fee) only 18 would fit.
        var book = new OrderBook([new BookLevel(Price.Parse("0.53"), Quantity.Of(50m))], [new BookLevel(Price.Parse("0.45"), Quantity.Of(10)), new BookLevel(Price.Parse("0.40"), Quantity.Of(10)), new BookLevel(Price.Parse("0.35"), Quantity.Of(100))]);
        var market = new MarketBuilder().Build();
        var held = Flat.WithEntry("SIBLING", market.EventTicker, new Money(63m));

        var decision = TradeEvaluator.Evaluate(market, Probability.Of(0.70), 0, RiskPresets.Balanced, held, MarketBuilder.Now, book);

        var risk = decision.Risk!;
        Assert.Equal(RiskOutcome.Shrunk, risk.Outcome);
        Assert.Equal([RiskGate.EventExposure], risk.ShrunkBy);
        Assert.Equal((20m, 11.50m, 0.35m), (risk.Sizing.Contracts.Contracts, risk.Sizing.Cost.Dollars, risk.Sizing.Fee.Dollars));
        Assert.Equal(0.60m, risk.Sizing.LimitPrice!.Value.Dollars);
        Assert.Equal(18m, KellySizer.ContractsWithin(new Money(12m), Price.Parse("0.65"), market.Fees, false).Contracts);
    }

    [Fact]
    public void Evaluate_EventCapShrinksAMakerBid_KeepsTheMakerFee()
    {
        // A resting bid at 0.53 on a quadratic series pays no maker fee: $12 of event room buys 22 (11.66). With the taker
        // fee (0.017437 a contract) only 21 would fit.
        var flow = new RestingFlow(Quantity.Of(600), Quantity.Of(100), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));
        var market = new MarketBuilder().Build();
        var held = Flat.WithEntry("SIBLING", market.EventTicker, new Money(63m));

        var decision = TradeEvaluator.Evaluate(market, Probability.Of(0.70), 0, RiskPresets.Balanced, held, MarketBuilder.Now, Book, flow: flow);

        Assert.Equal(Liquidity.Maker, decision.Best!.Route);
        var risk = decision.Risk!;
        Assert.Equal(RiskOutcome.Shrunk, risk.Outcome);
        Assert.Equal((22m, 11.66m, 0m), (risk.Sizing.Contracts.Contracts, risk.Sizing.Cost.Dollars, risk.Sizing.Fee.Dollars));
        Assert.Equal(21m, KellySizer.ContractsWithin(new Money(12m), Price.Parse("0.53"), market.Fees, false).Contracts);
    }
}
