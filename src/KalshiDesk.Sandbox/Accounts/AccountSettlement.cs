using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>What the demo account held in a market when it settled, and what settlement paid it.</summary>
/// <param name="Revenue">Dollars paid: $1 a winning contract.</param>
/// <param name="FeeCost">The fees paid trading the market.</param>
internal sealed record AccountSettlement(
    SandboxMarket Market,
    bool YesWon,
    decimal YesCount,
    decimal YesTotalCost,
    decimal NoCount,
    decimal NoTotalCost,
    decimal Revenue,
    decimal FeeCost,
    DateTimeOffset SettledTime);
