using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Decisions;

/// <summary>
/// The decision core: estimate → edge per side at the executable price → fractional Kelly → risk gate.
/// Pure: the same inputs always give the same decision.
/// </summary>
public static class TradeEvaluator
{
    public static MarketDecision Evaluate(
        MarketSnapshot market,
        Probability? estimate,
        double modelDisagreement,
        RiskPreset preset,
        PortfolioState portfolio,
        DateTimeOffset now,
        OrderBook? book = null,
        DeskConditions? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);

        if (estimate is not { } q)
        {
            return new MarketDecision(market.Ticker, null, FunnelStage.Scanned, null, null, null, null, "no estimate: the market has no usable price");
        }

        var yes = EvaluateSide(market, Side.Yes, q, preset, portfolio, book);
        var no = EvaluateSide(market, Side.No, q, preset, portfolio, book);
        if (yes is null && no is null)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Scanned, null, null, null, null, "no executable price: both sides of the book are empty");
        }

        var best = new[] { yes, no }.Where(s => s is not null).MaxBy(s => s!.Edge)!;
        if (best.Edge < preset.MinEdge)
        {
            var reason = best.Edge <= 0
                ? $"no edge: best is {best.Side.ToString().ToLowerInvariant()} at {best.Edge:0.0000}"
                : $"edge {best.Edge:0.0000} below the preset's {preset.MinEdge:0.00##}";
            return new MarketDecision(market.Ticker, q, FunnelStage.Priced, yes, no, null, null, reason);
        }

        if (best.Sizing.Contracts.IsZero)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Edge, yes, no, best, null, $"sized to zero ({best.Sizing.LimitedBy})");
        }

        var risk = RiskGate.Evaluate(market, best.Side, best.Price, best.Edge, best.Sizing, modelDisagreement, preset, portfolio, now, conditions);
        if (!risk.Allowed)
        {
            return new MarketDecision(market.Ticker, q, FunnelStage.Sized, yes, no, best, risk, string.Join("; ", risk.Reasons));
        }

        return new MarketDecision(market.Ticker, q, FunnelStage.RiskPassed, yes, no, best, risk, null);
    }

    private static SideEvaluation? EvaluateSide(MarketSnapshot market, Side side, Probability yesProbability, RiskPreset preset, PortfolioState portfolio, OrderBook? book)
    {
        if (market.AskFor(side) is not { } price || price.Dollars is <= 0m or >= 1m)
        {
            return null;
        }

        var q = yesProbability.For(side);
        var edge = EdgeModel.Edge(q, price, market.Fees);
        var sizing = KellySizer.Size(new SizingRequest(
            q,
            price,
            market.Fees,
            preset.KellyMultiplier,
            portfolio.Equity,
            portfolio.Equity * preset.MaxSingleTrade,
            portfolio.Cash,
            book?.DepthAtOrBetter(side, price),
            market.FractionalTrading));
        return new SideEvaluation(side, q, price, KalshiFeeModel.TakerFeePerContract(price, market.Fees), edge, sizing);
    }
}
