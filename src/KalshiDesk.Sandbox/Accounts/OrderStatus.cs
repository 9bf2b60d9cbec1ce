namespace KalshiDesk.Sandbox.Accounts;

/// <summary>Kalshi's order <c>status</c>.</summary>
internal enum OrderStatus
{
    Resting,
    Canceled,
    Executed,
}
