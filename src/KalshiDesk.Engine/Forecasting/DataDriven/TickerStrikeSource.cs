using System.Globalization;
using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>
/// The strike read from the ticker, Sandbox style: <c>KXHIGHNY-26NOV24-T60</c> is "above 60" (strike_type "greater",
/// floor_strike 60). Only for the Sandbox: on Kalshi the lowest T market of a daily-high event is "less than", which
/// the ticker does not say.
/// </summary>
public sealed class TickerStrikeSource : IMarketStrikeSource
{
    public MarketStrike? Find(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var dash = market.Ticker.LastIndexOf('-');
        if (dash < 0 || dash + 2 > market.Ticker.Length || market.Ticker[dash + 1] != 'T')
        {
            return null;
        }

        return decimal.TryParse(market.Ticker.AsSpan(dash + 2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var strike)
            ? MarketStrike.Above((double)strike)
            : null;
    }
}
