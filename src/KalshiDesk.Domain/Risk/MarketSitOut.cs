using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Risk;

/// <summary>
/// The per-market sit-outs the desk checks beside the risk gate's own (spread, time to close, model disagreement): the
/// market is not open, its data is stale, its terms changed since the last forecast, or too little is offered at
/// prices that still have edge. Pure: times are passed in.
/// </summary>
public static class MarketSitOut
{
    /// <summary>The market's snapshot is older than allowed.</summary>
    public const string DataAge = "data age";

    /// <summary>The market's terms changed since the desk last forecast it.</summary>
    public const string Rules = "rules";

    /// <summary>Too few contracts are offered at prices that still clear the minimum edge.</summary>
    public const string Depth = "depth";

    /// <summary>Checks what a snapshot alone tells: open, fresh, terms unchanged.</summary>
    /// <param name="maxAge">The oldest snapshot traded on.</param>
    /// <param name="termsChange">What changed in the market's terms and when the desk saw it, or null when nothing did.</param>
    /// <param name="cooldown">How long after a change of terms the market sits out.</param>
    public static MarketCheck Check(MarketSnapshot market, DateTimeOffset now, TimeSpan maxAge, (string What, DateTimeOffset SeenAt)? termsChange, TimeSpan cooldown)
    {
        ArgumentNullException.ThrowIfNull(market);
        var passed = new List<string>();
        if (market.Status != MarketStatus.Active)
        {
            return new MarketCheck(passed, RiskGate.MarketOpen, $"{RiskGate.MarketOpen}: market is {market.Status.ToString().ToLowerInvariant()}");
        }

        passed.Add(RiskGate.MarketOpen);
        var age = now - market.ObservedAt;
        if (age > maxAge)
        {
            return new MarketCheck(passed, DataAge, $"{DataAge}: the snapshot is {Span(age)} old, the limit is {Span(maxAge)}");
        }

        passed.Add(DataAge);
        if (termsChange is { } change && now - change.SeenAt < cooldown)
        {
            var until = (change.SeenAt + cooldown).UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
            return new MarketCheck(passed, Rules, $"{Rules}: changed since the last forecast ({change.What}); sits out until {until}");
        }

        passed.Add(Rules);
        return new MarketCheck(passed, null, null);
    }

    /// <summary>
    /// The contracts a buyer of <paramref name="side"/> can take at prices whose edge, net of the taker fee, still
    /// clears <paramref name="minEdge"/> for a side that wins with probability <paramref name="q"/>.
    /// </summary>
    public static Quantity DepthWithEdge(OrderBook book, Side side, Probability q, FeeSchedule fees, double minEdge)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        var total = Quantity.Zero;
        foreach (var level in book.AsksFor(side))
        {
            if (EdgeModel.Edge(q, level.Price, fees) < minEdge)
            {
                break;
            }

            total += level.Size;
        }

        return total;
    }

    /// <summary>
    /// Why the market sits out for depth, or null when at least <paramref name="minContracts"/> are offered with edge.
    /// Only an order that takes liquidity needs the offers: one priced below the best ask (a maker bid) rests and waits
    /// for sellers, so it never sits out for depth.
    /// </summary>
    /// <param name="orderPrice">The order's limit, in the side's price.</param>
    public static string? DepthReason(OrderBook book, Side side, Price orderPrice, Probability q, FeeSchedule fees, double minEdge, decimal minContracts)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.AsksFor(side).FirstOrDefault() is { } best && orderPrice < best.Price)
        {
            return null;
        }

        var depth = DepthWithEdge(book, side, q, fees, minEdge);
        if (depth.Contracts >= minContracts && !depth.IsZero)
        {
            return null;
        }

        var name = side == Side.Yes ? "yes" : "no";
        return string.Create(CultureInfo.InvariantCulture, $"{Depth}: {depth.Contracts:0.##} {name} contracts offered at prices with edge ≥ {minEdge:0.00##}, fewer than the {minContracts:0.##} needed");
    }

    private static string Span(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(span.TotalSeconds, 0):0} s");
}
