using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>Traded YES prices over a candle, in dollars; null when there was no trade in the period.</summary>
/// <param name="Previous">Last traded price before the period, or null when the market never traded.</param>
public sealed record TradePrices(Price? Open, Price? High, Price? Low, Price? Close, Price? Mean, Price? Previous)
{
    /// <summary>Whether anything traded in the period.</summary>
    public bool HasTrades => Close is not null;
}
