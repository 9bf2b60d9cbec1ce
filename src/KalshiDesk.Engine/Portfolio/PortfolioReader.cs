using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>Reads the account from the ledger and positions. Sums run in memory: SQLite cannot add decimals exactly.</summary>
public sealed class PortfolioReader(IDbContextFactory<DeskDbContext> db)
{
    public const string Deposit = "deposit";

    public async Task<PortfolioSnapshot> ReadAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var ledger = await context.Ledger.AsNoTracking().Select(l => new { l.Kind, l.Amount }).ToListAsync(ct).ConfigureAwait(false);
        var positions = await context.Positions.AsNoTracking().Where(p => p.Contracts > 0).ToListAsync(ct).ConfigureAwait(false);
        var cash = ledger.Sum(l => l.Amount);
        var deposits = ledger.Where(l => l.Kind == Deposit).Sum(l => l.Amount);
        var views = positions.OrderBy(p => p.OpenedAt).Select(ToView).ToList();
        var equity = cash + views.Sum(v => v.Value);
        return new PortfolioSnapshot(deposits, cash, equity, views.Sum(v => v.Cost), equity - deposits, views);
    }

    public static PositionView ToView(PositionEntity p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var value = p.MarkYes is { } markYes
            ? p.Contracts * (p.Side == "yes" ? markYes : 1m - markYes)
            : p.Cost;
        return new PositionView(
            $"{p.Ticker}:{p.Side}",
            p.Ticker,
            p.EventTicker,
            p.Title,
            p.Side,
            p.Contracts,
            p.Contracts == 0 ? 0 : decimal.Round(p.Cost / p.Contracts, 4),
            p.Cost,
            p.FeesPaid,
            decimal.Round(value, 4),
            decimal.Round(value - p.Cost - p.FeesPaid, 4),
            p.OpenedAt,
            p.UpdatedAt);
    }
}
