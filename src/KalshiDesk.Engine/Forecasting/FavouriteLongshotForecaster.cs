using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// The market price read through Kalshi's favourite–longshot curve (<see cref="FavouriteLongshotPrior"/>): what a
/// contract at this price has historically won, e.g. 5¢ → 4.2%, 95¢ → 95.8%. The curve was fitted to prices paid, so
/// the price read is the last trade, or the quote mid before the first trade. Confidence falls with the spread as the
/// market-implied model's does: 1 − 5 × spread within [0.1, 1], and 0.3 when a side of the quote is empty.
/// </summary>
public sealed class FavouriteLongshotForecaster : IForecaster
{
    public const string ModelName = "favourite-longshot";

    public string Name => ModelName;

    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (price, source) = market.LastPrice is { } last ? (last, "last") : market.Mid is { } mid ? (mid, "mid") : (default(Price?), "none");
        if (price is not { } p)
        {
            return null;
        }

        var toClose = market.CloseTime > decisionTime ? market.CloseTime - decisionTime : TimeSpan.Zero;
        var probability = FavouriteLongshotPrior.ProbabilityAt(p, toClose);
        var confidence = market.Spread is { } spread ? Math.Clamp(1 - (5 * (double)spread), 0.1, 1) : 0.3;
        var inputs = new Dictionary<string, string>
        {
            ["price"] = p.ToString(),
            ["price_source"] = source,
            ["hours_to_close"] = toClose.TotalHours.ToString("0.##", CultureInfo.InvariantCulture),
        };
        return new Forecast(Name, probability, confidence, decisionTime, inputs);
    }
}
