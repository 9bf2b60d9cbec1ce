using KalshiDesk.TestKit;

namespace KalshiDesk.Data.Tests;

public sealed class PostgresDeskStoreTests(PostgresServer server) : DeskStoreTests, IClassFixture<PostgresServer>
{
    protected override async Task<DeskDatabase> CreateDatabaseAsync()
    {
        var database = DeskDatabase.Parse(await server.CreateDatabaseAsync(), Environment.CurrentDirectory);
        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        return database;
    }
}
