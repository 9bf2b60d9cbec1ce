namespace KalshiDesk.Data.Tests;

public sealed class SqliteDeskStoreTests : DeskStoreTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-sqlite-");

    protected override Task<DeskDatabase> CreateDatabaseAsync() =>
        Task.FromResult(DeskDatabase.Parse("Data Source=data/desk.db", _directory.FullName));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
        return Task.CompletedTask;
    }
}
