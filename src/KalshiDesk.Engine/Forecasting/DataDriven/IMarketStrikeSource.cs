using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>
/// A market's strike. <see cref="MarketSnapshot"/> does not carry Kalshi's <c>strike_type</c>, <c>floor_strike</c> and
/// <c>cap_strike</c> yet; a source that holds them (see <see cref="MarketStrike.FromKalshi"/>) answers here. Synchronous,
/// because <see cref="IForecaster.Forecast"/> is.
/// </summary>
public interface IMarketStrikeSource
{
    /// <summary>The market's strike, or null when unknown or of a kind no model here prices.</summary>
    MarketStrike? Find(MarketSnapshot market);
}
