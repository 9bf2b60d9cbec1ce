using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>Open, high, low and close of a YES quote (bid or ask) over a candle, in dollars.</summary>
public sealed record QuoteOhlc(Price Open, Price High, Price Low, Price Close);
