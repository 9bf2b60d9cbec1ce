namespace KalshiDesk.Engine.Portfolio;

/// <summary>An order as the ledger booked it, for working out what its exit realized. Dollars and contracts.</summary>
/// <param name="Side">The side bought, or for an exit the side held and sold.</param>
/// <param name="IsExit">A sale of <paramref name="Side"/>, rather than a purchase.</param>
/// <param name="Contracts">Contracts filled.</param>
/// <param name="Amount">What a purchase cost, or what a sale brought in, fees apart.</param>
/// <param name="Fees">The fees it paid.</param>
/// <param name="At">When it (last) filled.</param>
public sealed record BookedOrder(string Ticker, string Side, bool IsExit, decimal Contracts, decimal Amount, decimal Fees, DateTimeOffset At);
