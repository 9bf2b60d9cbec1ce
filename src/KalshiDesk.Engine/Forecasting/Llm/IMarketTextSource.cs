using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting.Llm;

/// <summary>
/// The words of a market. Synchronous on purpose: the forecaster needs the rules version to look up its cache, and
/// <see cref="IForecaster.Forecast"/> must not wait on the network, so a source answers from what it already holds.
/// </summary>
public interface IMarketTextSource
{
    /// <summary>The market's title, subtitle and rules, or null when the source knows nothing of it.</summary>
    MarketText? Find(MarketSnapshot market);
}
