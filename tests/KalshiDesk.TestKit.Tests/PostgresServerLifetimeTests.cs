using Npgsql;

namespace KalshiDesk.TestKit.Tests;

public sealed class PostgresServerLifetimeTests
{
    [Fact]
    public async Task DisposeAsync_AfterStart_StopsServerAndRemovesItsDirectory()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        var directory = server.RootDirectory;
        var connectionString = server.ConnectionString + ";Pooling=false;Timeout=3";
        Assert.True(Directory.Exists(Path.Combine(directory, "data")), "the cluster's data directory exists while it runs");

        await server.DisposeAsync();

        Assert.False(Directory.Exists(directory), $"{directory} should be deleted");
        await using var connection = new NpgsqlConnection(connectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task InitializeAsync_TwoServers_ListenOnDifferentPortsInDifferentDirectories()
    {
        var first = new PostgresServer();
        var second = new PostgresServer();
        try
        {
            await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

            Assert.NotEqual(first.Port, second.Port);
            Assert.NotEqual(first.RootDirectory, second.RootDirectory);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
