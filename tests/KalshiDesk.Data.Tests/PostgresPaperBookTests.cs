using KalshiDesk.Data.Entities;
using KalshiDesk.TestKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KalshiDesk.Data.Tests;

/// <summary>The paper book on PostgreSQL: the schema <c>paper</c> of the main database, with its own migration history.</summary>
public sealed class PostgresPaperBookTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrate_FreshDatabase_CreatesEveryTableInBothSchemasWithTheirOwnHistory()
    {
        var connection = await server.CreateDatabaseAsync();
        var databases = DeskDatabases.Parse(connection, null, Environment.CurrentDirectory);

        await databases.Main.MigrateAsync();
        await databases.Paper.MigrateAsync();

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var tables = await TablesAsync(db);
        string[] book = ["proposals", "orders", "fills", "positions", "ledger", "settlements", "risk_state", "desk_mode", "audit", "__EFMigrationsHistory"];
        Assert.All(book, t => Assert.Contains(("public", t), tables));
        Assert.All(book, t => Assert.Contains(("paper", t), tables));
        Assert.Equal(tables.Count(t => t.Schema == "public"), tables.Count(t => t.Schema == "paper"));
        await using var mainContext = new DeskDbContextFactory(databases.Main).CreateDbContext();
        await using var paperContext = new DeskDbContextFactory(databases.Paper).CreateDbContext();
        var migrations = mainContext.Database.GetMigrations().ToList();
        Assert.Equal(migrations, await mainContext.Database.GetAppliedMigrationsAsync());
        Assert.Equal(migrations, await paperContext.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await paperContext.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_PaperAfterMain_IsNotFooledByTheMainHistory()
    {
        // The main database migrated (an existing desk upgraded): the paper schema is still created in full.
        var connection = await server.CreateDatabaseAsync();
        var databases = DeskDatabases.Parse(connection, null, Environment.CurrentDirectory);
        await databases.Main.MigrateAsync();
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            Assert.DoesNotContain(await TablesAsync(db), t => t.Schema == "paper");
        }

        await databases.Paper.MigrateAsync();
        await databases.Paper.MigrateAsync();

        await using var paperContext = new DeskDbContextFactory(databases.Paper).CreateDbContext();
        Assert.Equal(0, await paperContext.Proposals.CountAsync());
        Assert.Empty(await paperContext.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Rows_WrittenToThePaperBook_AreInSchemaPaperOnly()
    {
        var connection = await server.CreateDatabaseAsync();
        var databases = DeskDatabases.Parse(connection, null, Environment.CurrentDirectory);
        await databases.Main.MigrateAsync();
        await databases.Paper.MigrateAsync();

        await using (var paper = new DeskDbContextFactory(databases.Paper).CreateDbContext())
        {
            paper.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = T0, Kind = "deposit", Amount = 1000m, Note = "paper account opened" });
            paper.Positions.Add(new PositionEntity { Ticker = "KXHIGHNY-26NOV24-T60", EventTicker = "KXHIGHNY-26NOV24", Title = "NYC high", Side = "yes", Contracts = 12m, Cost = 6.24m, FeesPaid = 0.12m, OpenedAt = T0, UpdatedAt = T0 });
            await paper.SaveChangesAsync();
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        Assert.Equal((1L, 0L), (await CountAsync(db, "paper.ledger"), await CountAsync(db, "public.ledger")));
        Assert.Equal((1L, 0L), (await CountAsync(db, "paper.positions"), await CountAsync(db, "public.positions")));
        await using var main = new DeskDbContextFactory(databases.Main).CreateDbContext();
        Assert.Equal(0, await main.Positions.CountAsync());
    }

    private static async Task<List<(string Schema, string Table)>> TablesAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("select table_schema, table_name from information_schema.tables where table_schema in ('public', 'paper')", db);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        return tables;
    }

    private static async Task<long> CountAsync(NpgsqlConnection db, string table)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {table}", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
