using KalshiDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Modes;

/// <summary>
/// The desk's <see cref="IDbContextFactory{DeskDbContext}"/> for trading records: each context is on the book in force
/// (<see cref="DeskBooks"/>: pinned, or read fresh from the stored mode), so paper proposals, orders, fills, positions,
/// ledger, risk and forecasts stay in the paper database and live ones in the main database. What is desk-wide goes
/// through <see cref="DeskControlDb"/>.
/// </summary>
public sealed class BookDbContextFactory(DeskDatabases databases, DeskBooks books) : IDbContextFactory<DeskDbContext>
{
    private readonly DeskDbContextFactory _live = new(databases.Main);
    private readonly DeskDbContextFactory _paper = new(databases.Paper);

    public DeskDbContext CreateDbContext() => For(books.Current()).CreateDbContext();

    public async Task<DeskDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        For(await books.CurrentAsync(cancellationToken).ConfigureAwait(false)).CreateDbContext();

    private DeskDbContextFactory For(DeskBook book) => book == DeskBook.Live ? _live : _paper;
}
