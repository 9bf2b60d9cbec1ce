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

    [Fact]
    public void ForPaper_Sqlite_IsAFileBesideTheMainOne()
    {
        var dir = Directory.CreateTempSubdirectory("kd-db-");
        try
        {
            var databases = DeskDatabases.Parse(null, null, dir.FullName);

            Assert.Equal(DatabaseProvider.Sqlite, databases.Paper.Provider);
            Assert.Equal($"Sqlite file {Path.Combine(dir.FullName, "data", "kalshidesk.db")}", databases.Main.Location);
            Assert.Equal($"Sqlite file {Path.Combine(dir.FullName, "data", "kalshidesk-paper.db")}", databases.Paper.Location);
            Assert.Equal((DeskDatabase.ConnectionStringKey, DeskDatabase.ConnectionStringKey), (databases.Main.Key, databases.Paper.Key));
            Assert.Same(databases.Paper, databases.For(DeskBook.Paper));
            Assert.Same(databases.Main, databases.For(DeskBook.Live));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void ForPaper_ConnectionStringGiven_IsUsed()
    {
        var dir = Directory.CreateTempSubdirectory("kd-db-");
        try
        {
            var databases = DeskDatabases.Parse("Data Source=live/desk.db", "Data Source=paper/book.db", dir.FullName);

            Assert.Equal($"Sqlite file {Path.Combine(dir.FullName, "paper", "book.db")}", databases.Paper.Location);
            Assert.Equal(DeskDatabase.PaperConnectionStringKey, databases.Paper.Key);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("Data Source=data/kalshidesk.db", null)]
    [InlineData("Host=db.example;Database=kalshidesk;Username=kd", "Host=db.example;Database=kalshidesk;Username=kd")]
    public void ForPaper_TheMainDatabaseItself_IsRefusedNamingTheKey(string paper, string? main)
    {
        var dir = Directory.CreateTempSubdirectory("kd-db-");
        try
        {
            var ex = Assert.Throws<DeskConfigurationException>(() => DeskDatabases.Parse(main, paper, dir.FullName));

            Assert.StartsWith("ConnectionStrings:KalshiDeskPaper names the main database (ConnectionStrings:KalshiDesk); the paper book needs its own", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void ForPaper_PostgreSql_IsTheSchemaPaperOfTheSameDatabase()
    {
        var databases = DeskDatabases.Parse("postgres://kd:x@db.example:5432/kalshidesk", null, "/tmp");

        Assert.Equal((DatabaseProvider.PostgreSql, "paper"), (databases.Paper.Provider, databases.Paper.Schema));
        Assert.Null(databases.Main.Schema);
        Assert.Contains("Search Path=paper", databases.Paper.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=kalshidesk", databases.Paper.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("PostgreSql database kalshidesk, schema paper", databases.Paper.Location);
        Assert.Equal("PostgreSql database kalshidesk", databases.Main.Location);
        Assert.False(databases.Paper.IsSameStoreAs(databases.Main));
    }

    [Fact]
    public void ForPaper_PostgreSqlWithItsOwnSearchPath_KeepsItsHistoryInThatSchema()
    {
        var databases = DeskDatabases.Parse("Host=db.example;Database=kalshidesk;Username=kd", "Host=db.example;Database=kalshidesk;Username=kd;Search Path=practice", "/tmp");

        Assert.Equal(("practice", DeskDatabase.PaperConnectionStringKey), (databases.Paper.Schema, databases.Paper.Key));
    }
}
