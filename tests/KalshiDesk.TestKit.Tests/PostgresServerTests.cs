using Npgsql;

namespace KalshiDesk.TestKit.Tests;

public sealed class PostgresServerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task ConnectionString_OnStartedServer_AnswersSelectVersionAsPostgreSql()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(version);
        Assert.Contains("PostgreSQL", version, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_OnStartedServer_PointsAtLoopbackPortAsSuperuser()
    {
        Assert.Equal(
            $"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=postgres",
            server.ConnectionString);
        Assert.InRange(server.Port, 1, 65535);
    }

    [Theory]
    [InlineData("fsync", "off")]
    [InlineData("synchronous_commit", "off")]
    [InlineData("full_page_writes", "off")]
    [InlineData("listen_addresses", "127.0.0.1")]
    [InlineData("max_connections", "300")]
    public async Task ConnectionString_OnStartedServer_RunsWithTestSettings(string setting, string expected)
    {
        Assert.Equal(expected, await ScalarAsync<string>(server.ConnectionString, $"show {setting}"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_CalledTwice_GivesIsolatedDatabases()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();

        await ExecuteAsync(first, "create table fills (id int primary key, price numeric(6,4) not null)");
        await ExecuteAsync(first, "insert into fills values (1, 0.4200)");

        Assert.NotEqual(
            new NpgsqlConnectionStringBuilder(first).Database,
            new NpgsqlConnectionStringBuilder(second).Database);
        Assert.Equal(1L, await ScalarAsync<long>(first, "select count(*) from information_schema.tables where table_name = 'fills'"));
        Assert.Equal(0L, await ScalarAsync<long>(second, "select count(*) from information_schema.tables where table_name = 'fills'"));
        Assert.Equal(0.42m, await ScalarAsync<decimal>(first, "select price from fills where id = 1"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithName_CreatesThatDatabase()
    {
        var connectionString = await server.CreateDatabaseAsync("kd_named_ledger");

        Assert.Equal("kd_named_ledger", await ScalarAsync<string>(connectionString, "select current_database()"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_NameWithQuote_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => server.CreateDatabaseAsync("bad\"name"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
