namespace KalshiDesk.Data.Entities;

/// <summary>
/// The account as one trading cycle measured it, after settlements and marks: the equity curve's point and the daily
/// P&amp;L's figures. Dollars throughout.
/// </summary>
public sealed class EquitySnapshotEntity
{
    public Guid Id { get; set; }

    /// <summary>The cycle that measured it; null when measured outside a cycle.</summary>
    public Guid? CycleId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Cash plus the positions marked to their last mid.</summary>
    public decimal Equity { get; set; }

    public decimal Cash { get; set; }

    /// <summary>The open positions at cost.</summary>
    public decimal Exposure { get; set; }

    /// <summary>Cash put in; equity − deposits is the P&amp;L.</summary>
    public decimal Deposits { get; set; }

    /// <summary>P&amp;L of what has closed: settled, sold, adjusted (P&amp;L − unrealized).</summary>
    public decimal RealizedPnl { get; set; }

    /// <summary>The open positions' value − cost − fees paid.</summary>
    public decimal UnrealizedPnl { get; set; }
}
