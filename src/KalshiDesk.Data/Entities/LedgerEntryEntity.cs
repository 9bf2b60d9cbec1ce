namespace KalshiDesk.Data.Entities;

/// <summary>One cash movement. Cash is the sum of the journal; nothing else changes it.</summary>
public sealed class LedgerEntryEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>deposit, buy, fee or payout.</summary>
    public required string Kind { get; set; }

    /// <summary>Signed dollars: + into cash, − out of it.</summary>
    public decimal Amount { get; set; }

    public string? Ticker { get; set; }
    public Guid? OrderId { get; set; }
    public string? Note { get; set; }
}
