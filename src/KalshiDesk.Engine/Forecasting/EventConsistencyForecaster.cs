using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// Each market's price made consistent with its event's other markets. Every market is priced at its mid, or its last
/// trade when a side of the quote is empty; markets without either are left out.
/// <list type="bullet">
/// <item><b>Strike ladder</b> (<c>strike_type</c> "greater" or "greater_or_equal" with a <c>floor_strike</c>, two or more
/// in the event): P(above K) cannot rise with K, so the prices are fitted with a non-increasing curve in the strike by
/// weighted isotonic regression (pool-adjacent-violators), each market weighted 1 / spread (spread floored at 1¢; 10¢
/// when only a trade is known), and the market gets its fitted value.</item>
/// <item><b>Mutually exclusive event</b> (the exchange's <c>mutually_exclusive</c>, two or more markets): the prices are
/// one distribution, p = price / max(Σ prices, 1). Above 1 the over-round is taken out proportionally; below 1 the
/// missing mass is the remainder (outcomes not listed or not open), so nothing is scaled up.</item>
/// </list>
/// Confidence is (k − 1) / k for k markets in the fit. A lone market, or one in neither kind of event: no forecast.
/// </summary>
public sealed class EventConsistencyForecaster : IForecaster
{
    public const string ModelName = "event-consistency";

    // Weight of a market known only by its last trade: as if its quote were 10¢ wide.
    private const decimal TradeOnlySpread = 0.10m;

    private const decimal MinSpread = 0.01m;

    public string Name => ModelName;

    /// <summary>Without the event's other markets there is nothing to be consistent with.</summary>
    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) => null;

    public Forecast? Forecast(MarketSnapshot market, ForecastContext context, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(context);
        if (PriceOf(market) is null)
        {
            return null;
        }

        var siblings = context.EventMarkets(market.EventTicker);
        if (IsLadder(market))
        {
            var ladder = siblings.Where(m => m.StrikeType == market.StrikeType && m.FloorStrike is not null && PriceOf(m) is not null).ToList();
            if (ladder.Count >= 2 && ladder.Contains(market))
            {
                return Ladder(market, ladder, decisionTime);
            }
        }

        if (context.IsMutuallyExclusive(market.EventTicker))
        {
            var outcomes = siblings.Where(m => PriceOf(m) is not null).ToList();
            if (outcomes.Count >= 2 && outcomes.Contains(market))
            {
                return Exclusive(market, outcomes, decisionTime);
            }
        }

        return null;
    }

    private Forecast Ladder(MarketSnapshot market, List<MarketSnapshot> ladder, DateTimeOffset decisionTime)
    {
        // PAVA fits a non-decreasing sequence: highest strike first makes "non-increasing in the strike" exactly that.
        var ordered = ladder.OrderByDescending(m => m.FloorStrike!.Value).ThenBy(m => m.Ticker, StringComparer.Ordinal).ToList();
        var x = ordered.Select(m => -(double)m.FloorStrike!.Value).ToArray();
        var y = ordered.Select(m => PriceOf(m)!.Value).ToArray();
        var weights = ordered.Select(m => 1 / (double)Math.Max(m.Spread ?? TradeOnlySpread, MinSpread)).ToArray();
        var fitted = PoolAdjacentViolators.FittedValues(x, y, weights);
        var index = ordered.IndexOf(market);
        var inputs = new Dictionary<string, string>
        {
            ["kind"] = "ladder",
            ["markets"] = ordered.Count.ToString(CultureInfo.InvariantCulture),
            ["price"] = Format(y[index]),
            ["strike"] = market.FloorStrike!.Value.ToString(CultureInfo.InvariantCulture),
        };
        return new Forecast(Name, Probability.Of(fitted[index]), Confidence(ordered.Count), decisionTime, inputs);
    }

    private Forecast Exclusive(MarketSnapshot market, List<MarketSnapshot> outcomes, DateTimeOffset decisionTime)
    {
        var sum = outcomes.Sum(m => PriceOf(m)!.Value);
        var own = PriceOf(market)!.Value;
        var inputs = new Dictionary<string, string>
        {
            ["kind"] = "exclusive",
            ["markets"] = outcomes.Count.ToString(CultureInfo.InvariantCulture),
            ["price"] = Format(own),
            ["sum"] = Format(sum),
            ["remainder"] = Format(Math.Max(1 - sum, 0)),
        };
        return new Forecast(Name, Probability.Of(own / Math.Max(sum, 1)), Confidence(outcomes.Count), decisionTime, inputs);
    }

    private static bool IsLadder(MarketSnapshot market) =>
        market.FloorStrike is not null && market.StrikeType is "greater" or "greater_or_equal";

    private static double? PriceOf(MarketSnapshot market) => (market.Mid ?? market.LastPrice)?.AsDouble;

    private static double Confidence(int markets) => (markets - 1) / (double)markets;

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
