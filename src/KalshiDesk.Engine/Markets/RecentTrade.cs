using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Markets;

/// <summary>One print on the public tape.</summary>
/// <param name="YesPrice">The YES price traded, in dollars.</param>
/// <param name="Count">Contracts traded.</param>
/// <param name="TakerSide">The outcome the taker bought: YES is buying pressure on the YES price.</param>
/// <param name="ExecutedAt">The exchange's time of the trade.</param>
public sealed record RecentTrade(string Ticker, Price YesPrice, Quantity Count, Side TakerSide, DateTimeOffset ExecutedAt);
