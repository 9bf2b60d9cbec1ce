namespace KalshiDesk.Engine.Portfolio;

/// <summary>The account now, as <see cref="PortfolioReader"/> reads it, with every fee paid. Dollars.</summary>
/// <param name="Pnl">Equity − deposits = realized + unrealized.</param>
/// <param name="RealizedPnl">P&amp;L − unrealized: what has closed.</param>
/// <param name="UnrealizedPnl">The open positions' value − cost − fees paid.</param>
/// <param name="FeesPaid">Every fee the ledger has paid, since the account opened.</param>
public sealed record PnlTotals(
    decimal Equity,
    decimal Cash,
    decimal Exposure,
    decimal Deposits,
    decimal Pnl,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal FeesPaid);
