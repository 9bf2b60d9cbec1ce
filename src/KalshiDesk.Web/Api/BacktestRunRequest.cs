namespace KalshiDesk.Web.Api;

/// <summary>
/// Body of <c>POST /api/backtests</c>: <c>{"sample": "settled-sample.csv", "preset": "balanced", "from": "2026-01-01", "to": "2026-03-31", "cash": 1000}</c>.
/// </summary>
/// <param name="Sample">A recording in the samples folder, by its name there (<c>GET /api/backtests/samples</c>).</param>
/// <param name="Preset">conservative, balanced or aggressive; balanced when absent.</param>
/// <param name="From">Trading starts here: a date (its UTC midnight) or an ISO 8601 time; the recording's start when absent.</param>
/// <param name="To">The replay stops here: a date (through its whole UTC day) or an ISO 8601 time; the last settlement when absent.</param>
/// <param name="Cash">Starting cash in dollars, above 0; $1,000 when absent.</param>
public sealed record BacktestRunRequest(string? Sample, string? Preset, string? From, string? To, decimal? Cash);
