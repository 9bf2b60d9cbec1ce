namespace KalshiDesk.Data.Entities;

/// <summary>Something the ledger said that the exchange did not, and how it was corrected toward the exchange.</summary>
public sealed class ReconciliationDifferenceEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>order, fill, position, balance or settlement.</summary>
    public required string Kind { get; set; }

    public string? Ticker { get; set; }
    public required string Desk { get; set; }
    public required string Exchange { get; set; }
    public required string Correction { get; set; }
}
