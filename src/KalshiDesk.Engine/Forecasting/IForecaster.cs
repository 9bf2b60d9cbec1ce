using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>An independent probability model; none sees the others.</summary>
public interface IForecaster
{
    string Name { get; }

    /// <summary>The model's p(yes) for <paramref name="market"/> as of <paramref name="decisionTime"/>, or null when it has nothing to say.</summary>
    Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime);

    /// <summary>
    /// The same, for a model that also reads what the cycle gathered (the event's other markets, the book, the tape).
    /// A model that needs only the snapshot keeps this default. Nothing in <paramref name="context"/> may be read past
    /// <paramref name="decisionTime"/>.
    /// </summary>
    Forecast? Forecast(MarketSnapshot market, ForecastContext context, DateTimeOffset decisionTime) => Forecast(market, decisionTime);
}
