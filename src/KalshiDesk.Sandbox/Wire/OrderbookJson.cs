namespace KalshiDesk.Sandbox.Wire;

/// <summary>Bids only, each side ascending by price: the best bid is the last element.</summary>
internal sealed record OrderbookJson(IReadOnlyList<string[]> YesDollars, IReadOnlyList<string[]> NoDollars);
