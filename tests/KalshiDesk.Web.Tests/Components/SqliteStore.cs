using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>A migrated SQLite store in a temporary folder with a paper account of $1,000, for components over the real readers.</summary>
internal sealed class SqliteStore : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-store-");

    private SqliteStore() => Db = new DeskDbContextFactory(DeskDatabase.Parse("Data Source=desk.db", _directory.FullName));

    public IDbContextFactory<DeskDbContext> Db { get; }

    public PortfolioReader Portfolio => new(Db);

    public static async Task<SqliteStore> OpenAsync(DateTimeOffset opened)
    {
        var store = new SqliteStore();
        await using var context = await store.Db.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = opened, Kind = PortfolioReader.Deposit, Amount = 1000m, Note = "paper account opened" });
        await context.SaveChangesAsync();
        return store;
    }

    /// <summary>Adds rows in one save.</summary>
    public async Task AddAsync(params object[] rows)
    {
        await using var context = await Db.CreateDbContextAsync();
        context.AddRange(rows);
        await context.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
        return ValueTask.CompletedTask;
    }
}
