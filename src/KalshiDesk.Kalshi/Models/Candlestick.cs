using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>One period of a market's history.</summary>
/// <param name="End">Inclusive end of the period.</param>
/// <param name="Price">Traded YES prices; all but <see cref="TradePrices.Previous"/> are null when nothing traded.</param>
/// <param name="Volume">Contracts traded in the period.</param>
/// <param name="OpenInterest">Contracts open at the end of the period.</param>
public sealed record Candlestick(DateTimeOffset End, TradePrices Price, QuoteOhlc YesBid, QuoteOhlc YesAsk, Quantity Volume, Quantity OpenInterest);
