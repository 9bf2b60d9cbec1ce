using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>An independent probability model; none sees the others.</summary>
public interface IForecaster
{
    string Name { get; }

    /// <summary>The model's p(yes) for <paramref name="market"/> as of <paramref name="decisionTime"/>, or null when it has nothing to say.</summary>
    Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime);
}
