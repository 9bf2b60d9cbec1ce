namespace KalshiDesk.Web.Api;

/// <summary>The last comparison of the ledger with the exchange, and the differences it corrected.</summary>
/// <param name="Summary">One line for people: what was compared and what was found.</param>
public sealed record ReconciliationStatus(string Summary, DateTimeOffset? LastRun, int Differences, IReadOnlyList<string> RecentDifferences);
