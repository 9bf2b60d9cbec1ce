using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Risk;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>The account now: cash from the ledger, positions marked to the last mid.</summary>
/// <param name="Deposits">Cash put in, in dollars.</param>
/// <param name="Equity">Cash plus positions' value.</param>
/// <param name="Exposure">Positions at cost.</param>
/// <param name="Pnl">Equity − deposits.</param>
public sealed record PortfolioSnapshot(decimal Deposits, decimal Cash, decimal Equity, decimal Exposure, decimal Pnl, IReadOnlyList<PositionView> Positions)
{
    /// <summary>The account as the risk gate sees it.</summary>
    public PortfolioState ToRiskState() => new(
        new Money(Equity),
        new Money(Cash),
        Positions.GroupBy(p => p.Ticker).ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Cost))),
        Positions.GroupBy(p => p.EventTicker).ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Cost))));
}
