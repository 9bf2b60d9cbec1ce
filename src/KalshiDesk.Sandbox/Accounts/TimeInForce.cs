namespace KalshiDesk.Sandbox.Accounts;

/// <summary>Kalshi's <c>time_in_force</c>.</summary>
internal enum TimeInForce
{
    /// <summary>Fill the whole count now or nothing.</summary>
    FillOrKill,

    /// <summary>Fill what crosses now, rest the remainder in the book.</summary>
    GoodTillCanceled,

    /// <summary>Fill what crosses now, cancel the remainder.</summary>
    ImmediateOrCancel,
}
