namespace KalshiDesk.Kalshi.Models;

/// <summary>Kalshi's order status.</summary>
public enum OrderStatus
{
    Resting,
    Canceled,
    Executed,
}
