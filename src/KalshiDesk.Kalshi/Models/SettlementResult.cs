namespace KalshiDesk.Kalshi.Models;

/// <summary>How a market settled.</summary>
public enum SettlementResult
{
    Yes,
    No,

    /// <summary>Settled at a value between 0 and 1; on a binary market, a void at a fair price.</summary>
    Scalar,

    /// <summary>Listed by spec 3.8.0.</summary>
    Void,
}
