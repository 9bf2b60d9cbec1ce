using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Portfolio;

/// <summary>Opens the paper account: one deposit of <c>Trading:PaperStartingCash</c> into the paper book's empty ledger.</summary>
public sealed class PaperAccount(IDbContextFactory<DeskDbContext> db, DeskBooks books, IOptions<TradingOptions> options, TimeProvider time)
{
    public async Task EnsureOpenedAsync(CancellationToken ct = default)
    {
        // Into the paper book, whichever book is in force: a live book's cash comes from the exchange.
        using var pin = books.Pin(DeskBook.Paper);
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
