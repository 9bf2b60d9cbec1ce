namespace KalshiDesk.Kalshi;

/// <summary>Kalshi's <c>time_in_force</c>.</summary>
public enum TimeInForce
{
    ImmediateOrCancel,
    FillOrKill,
    GoodTillCanceled,
}
