using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>One book level's change: <paramref name="Delta"/> contracts (signed) at a bid of <paramref name="Outcome"/> in its own leg's price.</summary>
internal readonly record struct LevelChange(Side Outcome, Price Price, decimal Delta);
