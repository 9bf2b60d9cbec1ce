using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data;

/// <summary>
/// Moves a desk's paper trading out of the main database, once. Before the paper book had a database of its own, paper
/// trading was recorded in the main one, which is now the live book: left there, that paper history would count as live
/// money. At start, after both databases are migrated: when the paper book is still empty and the main database holds
/// trading records but never a live order, every trading record moves to the paper book (proposals, orders, fills,
/// positions, the cash ledger, settlements, equity history, cycle runs, reconciliation runs and the breaker's state), and
/// the risk settings (preset and overrides) are copied so both books keep them. The audit and the forecasts stay in the
/// main database, where the desk-wide history is. The paper book is written first and committed, then the main database is
/// emptied of those records in one transaction; a desk that stops in between finds the paper book no longer empty and
/// leaves both as they are.
/// </summary>
public static class PaperBookUpgrade
{
    /// <summary>The broker name a paper order is recorded under.</summary>
    public const string PaperBroker = "paper";

    /// <summary>Moves the paper history if there is one to move; returns how many records moved (0 when none did).</summary>
    public static async Task<int> MoveAsync(DeskDatabases databases, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(databases);
        await using var main = new DeskDbContextFactory(databases.Main).CreateDbContext();
        await using var paper = new DeskDbContextFactory(databases.Paper).CreateDbContext();

        if (await main.Orders.AnyAsync(o => o.Broker != PaperBroker, ct).ConfigureAwait(false))
        {
            // The main database has traded live: what is in it is the live book's.
            return 0;
        }

        if (await paper.Ledger.AnyAsync(ct).ConfigureAwait(false)
            || await paper.Orders.AnyAsync(ct).ConfigureAwait(false)
            || await paper.Proposals.AnyAsync(ct).ConfigureAwait(false))
        {
            // A move stopped after the paper book committed: every ledger row left in the main database is already in
            // the paper book, so the main side is finished now. Anything else is left as it is.
            var left = await main.Ledger.AsNoTracking().Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false);
            if (left.Count > 0 && await paper.Ledger.CountAsync(l => left.Contains(l.Id), ct).ConfigureAwait(false) == left.Count)
            {
                await EmptyMainAsync(main, ct).ConfigureAwait(false);
            }

            return 0;
        }

        if (!await main.Ledger.AnyAsync(ct).ConfigureAwait(false) && !await main.Proposals.AnyAsync(ct).ConfigureAwait(false))
        {
            return 0;
        }

        var moved = 0;
        moved += await CopyAsync(main.Proposals, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.Orders, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.Fills, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.Positions, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.Ledger, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.Settlements, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.EquitySnapshots, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.CycleRuns, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.ReconciliationRuns, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.ReconciliationDifferences, paper, ct).ConfigureAwait(false);
        moved += await CopyAsync(main.RiskState, paper, ct).ConfigureAwait(false);

        // The risk settings are the desk's choice, not paper's alone: copied, so the live book keeps them too.
        var settings = await main.Settings.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var existing = (await paper.Settings.AsNoTracking().Select(s => s.Key).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        paper.Settings.AddRange(settings.Where(s => !existing.Contains(s.Key)));

        await using (var transaction = await paper.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            await paper.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        await EmptyMainAsync(main, ct).ConfigureAwait(false);
        return moved;
    }

    private static async Task EmptyMainAsync(DeskDbContext main, CancellationToken ct)
    {
        await using (var transaction = await main.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            // Children before parents.
            await main.ReconciliationDifferences.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.ReconciliationRuns.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Fills.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Orders.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Proposals.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Positions.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Ledger.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.Settlements.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.EquitySnapshots.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.CycleRuns.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await main.RiskState.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<int> CopyAsync<T>(DbSet<T> source, DeskDbContext target, CancellationToken ct)
        where T : class
    {
        var rows = await source.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        target.Set<T>().AddRange(rows);
        return rows.Count;
    }
}
