namespace KalshiDesk.Engine.Reconciliation;

/// <summary>What one reconciliation found and did.</summary>
public sealed record ReconciliationReport(Guid RunId, int OrdersChecked, int FillsImported, int SettlementsImported, IReadOnlyList<string> Differences);
