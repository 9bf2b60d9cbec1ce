namespace KalshiDesk.Domain.Markets;

/// <summary>A market's <c>result</c> as Kalshi reports it.</summary>
public enum MarketResult
{
    /// <summary>Not determined yet (Kalshi sends an empty string).</summary>
    None,

    /// <summary>YES won: a YES contract pays $1.</summary>
    Yes,

    /// <summary>NO won: a NO contract pays $1.</summary>
    No,

    /// <summary>Settled at a value between $0 and $1 (<c>settlement_value_dollars</c>); neither side simply won.</summary>
    Scalar,
}
