using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Data;

/// <summary>
/// Contexts on the main database, whichever book is in force: for what is desk-wide (users and roles, API tokens, the
/// trading mode, and the audit of changes to them). Trading records go through <see cref="IDbContextFactory{DeskDbContext}"/>,
/// which follows the book in force.
/// </summary>
public sealed class DeskControlDb(DeskDatabase main) : IDbContextFactory<DeskDbContext>
{
    private readonly DeskDbContextFactory _factory = new(main);

    public DeskDbContext CreateDbContext() => _factory.CreateDbContext();

    public Task<DeskDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
}
