using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>Opens the paper account: one deposit of <c>Trading:PaperStartingCash</c> into an empty ledger.</summary>
public sealed class PaperAccount(IDbContextFactory<DeskDbContext> db, IOptions<TradingOptions> options, TimeProvider time)
{
    public async Task EnsureOpenedAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await context.Ledger.AnyAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        context.Ledger.Add(new LedgerEntryEntity
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            Kind = PortfolioReader.Deposit,
            Amount = options.Value.PaperStartingCash,
            Note = "paper account opened",
        });
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
