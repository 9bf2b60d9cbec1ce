using KalshiDesk.Data.Entities;
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
    /// <summary>The open positions' value − cost − fees paid, in dollars.</summary>
    public decimal UnrealizedPnl => Positions.Sum(p => p.UnrealizedPnl);

    /// <summary>
    /// What has closed, in dollars: settlement payouts and sale proceeds less the cost and fees of what they closed (and
    /// any reconciliation adjustment of cash). P&amp;L − unrealized, so the two always add up to the P&amp;L.
    /// </summary>
    public decimal RealizedPnl => Pnl - UnrealizedPnl;

    /// <summary>The account as the risk gate sees it.</summary>
    public PortfolioState ToRiskState() => new(
        new Money(Equity),
        new Money(Cash),
        Positions.GroupBy(p => p.Ticker).ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Cost))),
        Positions.GroupBy(p => p.EventTicker).ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Cost))));

    /// <summary>The account as a point of the equity curve, measured at <paramref name="at"/> by <paramref name="cycleId"/>.</summary>
    public EquitySnapshotEntity ToEquitySnapshot(Guid? cycleId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        CycleId = cycleId,
        At = at,
        Equity = Equity,
        Cash = Cash,
        Exposure = Exposure,
        Deposits = Deposits,
        RealizedPnl = RealizedPnl,
        UnrealizedPnl = UnrealizedPnl,
    };
}
