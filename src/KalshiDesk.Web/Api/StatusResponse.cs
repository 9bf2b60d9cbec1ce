namespace KalshiDesk.Web.Api;

/// <summary>The desk at a glance. Money in dollars.</summary>
public sealed record StatusResponse(
    string Mode,
    string Exchange,
    string Preset,
    string State,
    string Reason,
    decimal Equity,
    decimal Cash,
    decimal Exposure,
    decimal Pnl,
    int OpenPositions,
    int PendingProposals,
    CycleFunnel? LastCycle,
    ReconciliationStatus Reconciliation);
