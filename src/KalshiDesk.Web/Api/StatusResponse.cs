namespace KalshiDesk.Web.Api;

/// <summary>The desk at a glance. Money in dollars.</summary>
/// <param name="State">"halted" or "reducing" (the circuit breaker's state), "sitting out" when every entry pauses
/// (calibration has degraded, the exchange is not trading, API errors are high), else "active".</param>
/// <param name="Reason">Why the desk is in that state, in a line.</param>
/// <param name="Book">The book every number here is of: "paper" (the paper book's own database) or "live" (the main one).</param>
/// <param name="BookDatabase">Where that book is kept: "Sqlite file …/kalshidesk-paper.db", "PostgreSql database kalshidesk, schema paper".</param>
/// <param name="HeldOnPaper">Why the desk trades paper although an admin switched it live (configuration says Trading:Mode=Paper); null otherwise.</param>
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
    ReconciliationStatus Reconciliation,
    CalibrationStatus Calibration,
    string Book,
    string BookDatabase,
    string? HeldOnPaper);
