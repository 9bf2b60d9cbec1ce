namespace KalshiDesk.Data.Entities;

/// <summary>Contracts held in one market, on one side.</summary>
public sealed class PositionEntity
{
    public required string Ticker { get; set; }
    public required string EventTicker { get; set; }
    public required string Title { get; set; }
    public required string Side { get; set; }
    public decimal Contracts { get; set; }

    /// <summary>What the contracts cost, fees excluded, in dollars.</summary>
    public decimal Cost { get; set; }

    public decimal FeesPaid { get; set; }

    /// <summary>The last YES mid the desk saw, for marking to market; null before the first mark.</summary>
    public decimal? MarkYes { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two fills on one position cannot both win.</summary>
    public int Version { get; set; }
}
