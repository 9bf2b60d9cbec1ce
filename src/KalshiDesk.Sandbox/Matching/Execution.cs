using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>One planned match: <paramref name="Count"/> contracts of a resting order, at the taker's price for its outcome.</summary>
internal sealed record Execution(RestingOrder Resting, Quantity Count, Price TakerPrice);
