using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>The member's position in one market.</summary>
/// <param name="Side">YES or NO held, or null when flat.</param>
/// <param name="Contracts">Contracts held on <paramref name="Side"/>.</param>
/// <param name="Exposure">Cost of the position, in dollars.</param>
/// <param name="RealizedPnl">Locked-in profit (negative for a loss), in dollars.</param>
/// <param name="TotalTraded">Total spent in this market, in dollars.</param>
public sealed record MarketPosition(
    string Ticker,
    Side? Side,
    Quantity Contracts,
    Money Exposure,
    Money RealizedPnl,
    Money FeesPaid,
    Money TotalTraded,
    DateTimeOffset? LastUpdated)
{
    /// <summary>The position as Kalshi signs it: + YES, − NO, in contracts.</summary>
    public decimal SignedContracts => Side == KalshiDesk.Domain.Pricing.Side.No ? -Contracts.Contracts : Contracts.Contracts;
}
