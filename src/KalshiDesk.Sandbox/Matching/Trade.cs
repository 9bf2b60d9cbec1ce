using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>A print on the public tape.</summary>
/// <param name="TakerOutcome">The outcome the taker bought.</param>
internal sealed record Trade(string TradeId, string Ticker, Quantity Count, Price YesPrice, Side TakerOutcome, DateTimeOffset CreatedTime);
