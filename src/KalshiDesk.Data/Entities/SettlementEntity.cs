namespace KalshiDesk.Data.Entities;

/// <summary>A market's settlement as the exchange paid it out.</summary>
public sealed class SettlementEntity
{
    public Guid Id { get; set; }
    public required string Ticker { get; set; }
    public string EventTicker { get; set; } = string.Empty;

    /// <summary>yes, no, scalar or void.</summary>
    public required string Result { get; set; }

    public DateTimeOffset SettledAt { get; set; }

    /// <summary>What was paid out, in dollars.</summary>
    public decimal Revenue { get; set; }

    public decimal YesCount { get; set; }
    public decimal NoCount { get; set; }
    public decimal Fee { get; set; }

    /// <summary>What the contracts settled had cost (YES and NO together), in dollars.</summary>
    public decimal Cost { get; set; }

    /// <summary>Revenue − cost − fees: what the market made or lost, in dollars.</summary>
    public decimal Pnl => Revenue - Cost - Fee;

    /// <summary>When the circuit breaker counted this settlement in its losing streak; null until it has.</summary>
    public DateTimeOffset? BreakerCountedAt { get; set; }
}
