namespace KalshiDesk.Data.Tests;

public class DeskDatabaseTests
{
    [Fact]
    public void Parse_Empty_DefaultsToSqliteUnderData()
    {
        var dir = Directory.CreateTempSubdirectory("kd-db-");
        try
        {
            var database = DeskDatabase.Parse(null, dir.FullName);

            Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
            Assert.Contains(Path.Combine(dir.FullName, "data", "kalshidesk.db"), database.ConnectionString, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("Host=db.example;Database=kalshidesk;Username=kd;Password=x")]
    [InlineData("postgres://kd:x@db.example:5432/kalshidesk")]
    public void Parse_PostgresForms_SelectPostgreSql(string text)
    {
        var database = DeskDatabase.Parse(text, "/tmp");

        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        Assert.Contains("Host=db.example", database.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=kalshidesk", database.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=x;Port=notaport", "is not a valid PostgreSQL connection string")]
    [InlineData("Data Source=a.db;Bogus Key=1", "is not a valid connection string")]
    [InlineData("Data Source=", "names no database")]
    [InlineData("postgres://", "is not a valid postgres:// URL")]
    public void Parse_Malformed_NamesTheKeyAndTheFix(string text, string problem)
    {
        var ex = Assert.Throws<DeskConfigurationException>(() => DeskDatabase.Parse(text, "/tmp"));

        Assert.StartsWith("ConnectionStrings:KalshiDesk ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_UnwritableSqlitePath_NamesTheKeyAndTheFix()
    {
        var ex = Assert.Throws<DeskConfigurationException>(() => DeskDatabase.Parse("Data Source=/proc/kalshidesk/desk.db", "/tmp"));

        Assert.StartsWith("ConnectionStrings:KalshiDesk points at '/proc/kalshidesk/desk.db', which cannot be written", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("choose a writable path, e.g. \"Data Source=data/kalshidesk.db\"", ex.Message, StringComparison.Ordinal);
    }
}
