namespace KalshiDesk.Data.Entities;

/// <summary>
/// The desk's trading state and its circuit breaker's measures: one row (id 1), so a halt survives restarts and every
/// instance sees it. Money in dollars.
/// </summary>
public sealed class RiskStateEntity
{
    /// <summary>The one row's id.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>active, reducing or halted.</summary>
    public required string State { get; set; }

    /// <summary>daily-loss, drawdown, losing-streak or kill-switch while halted; null otherwise.</summary>
    public string? Cause { get; set; }

    public string? Reason { get; set; }

    /// <summary>When the desk entered <see cref="State"/>.</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>The New York day the day-start equity belongs to.</summary>
    public DateOnly TradingDay { get; set; }

    public decimal DayStartEquity { get; set; }
    public decimal PeakEquity { get; set; }
    public decimal LastEquity { get; set; }
    public int LosingStreak { get; set; }
    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>Optimistic concurrency: two instances observing at once cannot both count the same settlement.</summary>
    public int Version { get; set; }
}
