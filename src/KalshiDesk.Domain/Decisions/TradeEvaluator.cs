using System.Globalization;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Decisions;

/// <summary>
/// The decision core: estimate → edge per side at the executable price → fractional Kelly → risk gate.
/// Each side is priced on two routes. Taker: cross now, walking the book for the quantity, so edge shrinks as size grows.
/// Maker: rest at the side's best bid with the maker fee, filled with the probability <see cref="MakerFillModel"/>
/// estimates from the queue at that bid and the recent flow into it (only when both the book and the flow are known).
/// The route with the better expected value (fill probability × contracts × edge) wins.
/// Pure: the same inputs always give the same decision.
/// </summary>
public static class TradeEvaluator
{
    /// <summary>Decides on one market.</summary>
    /// <param name="market">The market's snapshot.</param>
    /// <param name="estimate">The calibrated probability of YES, or null when no model could price the market.</param>
    /// <param name="modelDisagreement">The standard deviation of the models' logits.</param>
    /// <param name="preset">The limits traded under.</param>
    /// <param name="portfolio">The account as the risk gate sees it.</param>
    /// <param name="now">The decision time.</param>
    /// <param name="book">The market's book: taker orders walk it, maker orders join its best bid; null prices at the quote.</param>
    /// <param name="conditions">Desk-wide conditions (a sit-out), or null when none.</param>
    /// <param name="flow">The recent flow into each side's bids; null leaves the maker route out.</param>
    public static MarketDecision Evaluate(
        MarketSnapshot market,
        Probability? estimate,
        double modelDisagreement,
        RiskPreset preset,
        PortfolioState portfolio,
        DateTimeOffset now,
        OrderBook? book = null,
        DeskConditions? conditions = null,
        RestingFlow? flow = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);

        if (estimate is not { } q)
        {
            return new MarketDecision(market.Ticker, null, FunnelStage.Scanned, null, null, null, null, "no estimate: the market has no usable price");
        }

        var maxOutlay = portfolio.Equity * preset.MaxSingleTrade;
        var yes = EvaluateSide(market, Side.Yes, q, preset, portfolio, maxOutlay, book, flow);
        var no = EvaluateSide(market, Side.No, q, preset, portfolio, maxOutlay, book, flow);
        if (yes is null && no is null)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Scanned, null, null, null, null, "no executable price: both sides of the book are empty");
        }

        var best = Better(yes, no, preset.MinEdge);
        if (best.Edge < preset.MinEdge)
        {
            // Most markets stop here, so the edge is written out with integer arithmetic rather than a double format.
            var units = (long)Math.Round(Math.Abs(best.Edge) * 10_000d, MidpointRounding.AwayFromZero);
            var sign = best.Edge < 0 && units != 0 ? "-" : string.Empty;
            var reason = best.Edge <= 0
                ? string.Create(CultureInfo.InvariantCulture, $"no edge: best is {Name(best.Side)} at {sign}{units / 10_000}.{units % 10_000:D4}")
                : string.Create(CultureInfo.InvariantCulture, $"{RiskGate.MinEdge}: edge {units / 10_000}.{units % 10_000:D4} is below the preset's {preset.MinEdge:0.00##}");
            return new MarketDecision(market.Ticker, q, FunnelStage.Priced, yes, no, null, null, reason);
        }

        if (best.Sizing.Contracts.IsZero)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Edge, yes, no, best, null, $"sized to zero ({best.Sizing.LimitedBy})");
        }

        // A limit that leaves less room re-sizes the order the way it was sized: walking the same offers, or resting at the bid.
        var ladder = best.Route == Liquidity.Maker || book is null ? AskLadder.At(best.Route == Liquidity.Maker ? best.Price : market.AskFor(best.Side)!.Value) : AskLadder.For(book, best.Side);
        var risk = RiskGate.Evaluate(
            market, best.Side, best.Price, best.Edge, best.Sizing, modelDisagreement, preset, portfolio, now, conditions,
            room => KellySizer.Size(best.Probability, ladder, market.Fees, best.Route, preset.KellyMultiplier, portfolio.Equity, Money.Min(room, maxOutlay), portfolio.Cash, market.FractionalTrading, preset.MinEdge));
        if (!risk.Allowed)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Sized, yes, no, best, risk, string.Join("; ", risk.Reasons));
        }

        return new MarketDecision(market.Ticker, q, FunnelStage.RiskPassed, yes, no, best, risk, null);
    }

    /// <summary>A route or side worth trading: edge at the minimum, something sized, some chance of a fill.</summary>
    private static bool Tradeable(SideEvaluation side, double minEdge) =>
        side.Edge >= minEdge && !side.Sizing.Contracts.IsZero && side.FillProbability > 0d;

    /// <summary>The tradeable one with the better expected value; when neither is tradeable, the one with more edge.</summary>
    private static SideEvaluation Better(SideEvaluation? yes, SideEvaluation? no, double minEdge)
    {
        if (yes is null || no is null)
        {
            return (yes ?? no)!;
        }

        var yesTrades = Tradeable(yes, minEdge);
        var noTrades = Tradeable(no, minEdge);
        if (yesTrades && noTrades)
        {
            return no.ExpectedValue > yes.ExpectedValue ? no : yes;
        }

        if (yesTrades != noTrades)
        {
            return yesTrades ? yes : no;
        }

        return no.Edge > yes.Edge ? no : yes;
    }

    private static SideEvaluation? EvaluateSide(MarketSnapshot market, Side side, Probability yesProbability, RiskPreset preset, PortfolioState portfolio, Money maxOutlay, OrderBook? book, RestingFlow? flow)
    {
        if (market.AskFor(side) is not { } quoted || quoted.Dollars is <= 0m or >= 1m)
        {
            return null;
        }

        var q = yesProbability.For(side);
        var asks = book is null ? AskLadder.At(quoted) : AskLadder.For(book, side);
        var taker = Taker(side, q, asks, quoted, market, preset, portfolio, maxOutlay);
        if (book is null || flow is null)
        {
            return taker;
        }

        var maker = Maker(market, side, q, preset, portfolio, maxOutlay, book, flow, asks.Best);
        if (maker is null)
        {
            return taker;
        }

        return Tradeable(maker, preset.MinEdge) && (!Tradeable(taker, preset.MinEdge) || maker.ExpectedValue > taker.ExpectedValue)
            ? maker with { Alternative = taker }
            : taker with { Alternative = maker };
    }

    /// <summary>
    /// A taker order's evaluation: the order walked through the offers, its average price and fee; or, when nothing is
    /// sized, the best offer (the quote when the book side is empty) with its edge and full Kelly, for the record.
    /// </summary>
    private static SideEvaluation Taker(Side side, Probability q, AskLadder asks, Price quoted, MarketSnapshot market, RiskPreset preset, PortfolioState portfolio, Money maxOutlay)
    {
        var top = asks.Best ?? quoted;
        var topFee = KalshiFeeModel.TakerFeePerContract(top, market.Fees);
        var topAllIn = (double)(top.Dollars + topFee);
        var topEdge = q.Value - topAllIn;
        if (topEdge < preset.MinEdge || asks.Count == 0)
        {
            // Most sides stop here: not even the best offer clears the minimum, or nothing is offered.
            var kelly = KellySizer.FullKelly(q, topAllIn);
            var none = asks.Count == 0 ? new SizingResult(kelly, Quantity.Zero, Money.Zero, Money.Zero, SizingLimit.Depth)
                : kelly <= 0d ? SizingResult.NoEdge
                : new SizingResult(kelly, Quantity.Zero, Money.Zero, Money.Zero, SizingLimit.Edge);
            return new SideEvaluation(side, q, top, topFee, topEdge, none);
        }

        var sizing = KellySizer.Size(q, asks, market.Fees, Liquidity.Taker, preset.KellyMultiplier, portfolio.Equity, maxOutlay, portfolio.Cash, market.FractionalTrading, preset.MinEdge);
        if (sizing.Contracts.IsZero)
        {
            return new SideEvaluation(side, q, top, topFee, topEdge, sizing);
        }

        var contracts = sizing.Contracts.Contracts;
        var feePerContract = sizing.UnroundedFee / contracts;
        var edge = q.Value - (double)((sizing.Cost.Dollars + sizing.UnroundedFee) / contracts);
        return new SideEvaluation(side, q, sizing.LimitPrice!.Value, feePerContract, edge, sizing);
    }

    /// <summary>
    /// A maker order's evaluation: a bid joining the side's best bid (on the market's tick grid), sized by Kelly on its
    /// maker all-in cost, with the fill model's probability. Null when the side has no bid to join, the book is crossed,
    /// or the bid's own edge is below the preset's minimum (it could never be traded).
    /// </summary>
    private static SideEvaluation? Maker(MarketSnapshot market, Side side, Probability q, RiskPreset preset, PortfolioState portfolio, Money maxOutlay, OrderBook book, RestingFlow flow, Price? ask)
    {
        var bids = side == Side.Yes ? book.YesBids : book.NoBids;
        if (bids.Count == 0)
        {
            return null;
        }

        var best = bids[0];
        var limit = market.Ticks.FloorToTick(best.Price);
        if (limit.Dollars <= 0m || (ask is { } offer && offer <= limit))
        {
            return null;
        }

        var fee = KalshiFeeModel.MakerFeePerContract(limit, market.Fees);
        var edge = q.Value - (double)(limit.Dollars + fee);
        if (edge < preset.MinEdge)
        {
            return null;
        }

        var sizing = KellySizer.Size(q, AskLadder.At(limit), market.Fees, Liquidity.Maker, preset.KellyMultiplier, portfolio.Equity, maxOutlay, portfolio.Cash, market.FractionalTrading, preset.MinEdge);
        var queue = limit == best.Price ? best.Size : Quantity.Zero;
        var probability = MakerFillModel.FillProbability(queue, sizing.Contracts, flow.ExpectedHits(side));
        return new SideEvaluation(side, q, limit, fee, edge, sizing)
        {
            Route = Liquidity.Maker,
            FillProbability = probability,
        };
    }

    private static string Name(Side side) => side == Side.Yes ? "yes" : "no";
}
