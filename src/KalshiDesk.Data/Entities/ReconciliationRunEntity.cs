namespace KalshiDesk.Data.Entities;

/// <summary>One comparison of the ledger with the exchange.</summary>
public sealed class ReconciliationRunEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int OrdersChecked { get; set; }
    public int FillsImported { get; set; }
    public int SettlementsImported { get; set; }
    public int Differences { get; set; }
    public string? Error { get; set; }
}
