using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// The market's own opinion: the quote mid blended with the last trade. A trade is money committed at a price,
/// a quote only an offer, so the last trade carries most weight (70%), and more as the spread widens
/// (+2.5 points per cent of spread, up to 95%): a wide book says little.
/// </summary>
public sealed class MarketImpliedForecaster : IForecaster
{
    public const string ModelName = "market-implied";

    public string Name => ModelName;

    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        var mid = market.Mid;
        var last = market.LastPrice;
        double p;
        double weightOnLast;
        if (mid is { } m && last is { } l)
        {
            weightOnLast = Math.Clamp(0.7 + (2.5 * (double)market.Spread!.Value), 0.7, 0.95);
            p = (weightOnLast * l.AsDouble) + ((1 - weightOnLast) * m.AsDouble);
        }
        else if (mid is { } onlyMid)
        {
            weightOnLast = 0;
            p = onlyMid.AsDouble;
        }
        else if (last is { } onlyLast)
        {
            weightOnLast = 1;
            p = onlyLast.AsDouble;
        }
        else
        {
            return null;
        }

        // Never certainty: a 1¢ floor and ceiling keep logits and Kelly finite.
        p = Math.Clamp(p, 0.01, 0.99);
        var confidence = market.Spread is { } spread ? Math.Clamp(1 - (5 * (double)spread), 0.1, 1) : 0.3;
        var inputs = new Dictionary<string, string>
        {
            ["mid"] = mid?.ToString() ?? "none",
            ["last"] = last?.ToString() ?? "none",
            ["weight_on_last"] = weightOnLast.ToString("0.00", CultureInfo.InvariantCulture),
        };
        return new Forecast(Name, Probability.Of(p), confidence, decisionTime, inputs);
    }
}
