using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Markets;

/// <summary>One price level of an order book: a price and the contracts resting there.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size);
