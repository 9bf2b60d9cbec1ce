using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KalshiDesk.Data;

/// <summary>
/// One of the desk's databases: reads its connection string (<c>ConnectionStrings:KalshiDesk</c>, or
/// <c>ConnectionStrings:KalshiDeskPaper</c> for the paper book), picks the provider, and builds context options.
/// </summary>
public sealed class DeskDatabase
{
    public const string ConnectionStringKey = "ConnectionStrings:KalshiDesk";

    /// <summary>The paper book's own database; without it, one is derived from the main one (<see cref="ForPaper"/>).</summary>
    public const string PaperConnectionStringKey = "ConnectionStrings:KalshiDeskPaper";

    /// <summary>The PostgreSQL schema the paper book lives in when it shares the main database.</summary>
    public const string PaperSchema = "paper";

    private DeskDatabase(DatabaseProvider provider, string connectionString, string key, string? schema = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Key = key;
        Schema = schema;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The configuration key a person changes to move this database; errors name it. A paper database derived from the
    /// main one goes with <see cref="ConnectionStringKey"/>.
    /// </summary>
    public string Key { get; }

    /// <summary>
    /// PostgreSQL only: the schema this database's tables and migration history live in (the first of the connection
    /// string's search path), or null for the server's default (<c>public</c>). Set for the paper book only.
    /// </summary>
    public string? Schema { get; }

    /// <summary>Where it is, for a person: "Sqlite file /srv/desk/data/kalshidesk.db", "PostgreSQL database kalshidesk, schema paper".</summary>
    public string Location
    {
        get
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                return $"Sqlite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
            }

            var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            return Schema is null ? $"PostgreSql database {database}" : $"PostgreSql database {database}, schema {Schema}";
        }
    }

    /// <summary>
    /// Interprets a connection string: "Host=..." (or a postgres:// URL) is PostgreSQL, "Data Source=..." is SQLite.
    /// A malformed one throws <see cref="DeskConfigurationException"/> naming the key and the fix.
    /// </summary>
    public static DeskDatabase Parse(string? connectionString, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Data Source=data/kalshidesk.db";
        }

        return Parse(connectionString, contentRoot, ConnectionStringKey, paper: false);
    }

    /// <summary>
    /// The paper book's database beside <paramref name="main"/>: <paramref name="connectionString"/>
    /// (<c>ConnectionStrings:KalshiDeskPaper</c>) when given; otherwise, on SQLite, its own file named after the main one
    /// (<c>data/kalshidesk.db</c> → <c>data/kalshidesk-paper.db</c>), and on PostgreSQL the schema <c>paper</c> of the
    /// main database. It never may be the main database itself: paper results never mix with live ones.
    /// </summary>
    public static DeskDatabase ForPaper(string? connectionString, DeskDatabase main, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(main);
        DeskDatabase paper;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            paper = Parse(connectionString, contentRoot, PaperConnectionStringKey, paper: true);
        }
        else if (main.Provider == DatabaseProvider.PostgreSql)
        {
            var builder = new NpgsqlConnectionStringBuilder(main.ConnectionString) { SearchPath = PaperSchema };
            paper = new DeskDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, main.Key, PaperSchema);
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(main.ConnectionString);
            sqlite.DataSource = PaperFileName(sqlite.DataSource);
            if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
            {
                EnsureWritable(sqlite.DataSource, PaperConnectionStringKey);
            }

            paper = new DeskDatabase(DatabaseProvider.Sqlite, sqlite.ConnectionString, main.Key);
        }

        if (paper.IsSameStoreAs(main))
        {
            throw new DeskConfigurationException(PaperConnectionStringKey, $"names the main database ({ConnectionStringKey}); the paper book needs its own, e.g. \"Data Source=data/kalshidesk-paper.db\", or leave it out to use one beside the main database");
        }

        return paper;
    }

    /// <summary>Applies the migrations, creating this database's schema first when it has its own (PostgreSQL's <c>paper</c>).</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var context = new DeskDbContextFactory(this).CreateDbContext();
        if (Schema is not null)
        {
            // The schema must exist before the migration history table is looked for in it.
            var create = "CREATE SCHEMA IF NOT EXISTS \"" + Schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await context.Database.ExecuteSqlRawAsync(create, ct).ConfigureAwait(false);
        }

        await context.Database.MigrateAsync(ct).ConfigureAwait(false);
    }

    private static DeskDatabase Parse(string connectionString, string contentRoot, string key, bool paper)
    {
        var text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            text = FromUrl(text, key);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(text);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new ArgumentException("Host is empty");
                }

                // A paper book sharing a PostgreSQL database keeps its tables and its migration history in its own schema.
                var schema = paper && !string.IsNullOrWhiteSpace(builder.SearchPath) ? builder.SearchPath.Split(',')[0].Trim().Trim('"') : null;
                return new DeskDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, key, schema);
            }
            catch (ArgumentException ex)
            {
                throw new DeskConfigurationException(key, $"is not a valid PostgreSQL connection string ({ex.Message}); use e.g. \"Host=localhost;Database=kalshidesk;Username=kalshidesk;Password=...\"");
            }
        }

        SqliteConnectionStringBuilder sqlite;
        try
        {
            sqlite = new SqliteConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new DeskConfigurationException(key, $"is not a valid connection string ({ex.Message}); use \"Data Source=data/kalshidesk.db\" for SQLite or \"Host=...;Database=...\" for PostgreSQL");
        }

        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
        {
            throw new DeskConfigurationException(key, "names no database; use \"Data Source=data/kalshidesk.db\" for SQLite or \"Host=...;Database=...\" for PostgreSQL");
        }

        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(sqlite.DataSource, contentRoot);
            EnsureWritable(path, key);
            sqlite.DataSource = path;
        }

        return new DeskDatabase(DatabaseProvider.Sqlite, sqlite.ConnectionString, key);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString, o =>
            {
                o.MigrationsAssembly(typeof(DeskDbContext).Assembly.GetName().Name);
                if (Schema is not null)
                {
                    // Its own history: the main database's applied migrations say nothing about this schema's tables.
                    o.MigrationsHistoryTable("__EFMigrationsHistory", Schema);
                }
            });
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }

    public DbContextOptions BuildOptions()
    {
        var builder = new DbContextOptionsBuilder();
        Configure(builder);
        return builder.Options;
    }

    public DeskDbContext CreateContext(DbContextOptions options) =>
        Provider == DatabaseProvider.PostgreSql ? new PostgresDeskDbContext(options) : new SqliteDeskDbContext(options);

    /// <summary>Whether the two are the same tables: one SQLite file, or one PostgreSQL database and schema.</summary>
    public bool IsSameStoreAs(DeskDatabase other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Provider != other.Provider)
        {
            return false;
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            var (mine, theirs) = (new SqliteConnectionStringBuilder(ConnectionString), new SqliteConnectionStringBuilder(other.ConnectionString));
            return mine.DataSource != ":memory:" && string.Equals(mine.DataSource, theirs.DataSource, StringComparison.Ordinal);
        }

        var (a, b) = (new NpgsqlConnectionStringBuilder(ConnectionString), new NpgsqlConnectionStringBuilder(other.ConnectionString));
        return string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port
            && string.Equals(a.Database ?? a.Username, b.Database ?? b.Username, StringComparison.Ordinal)
            && string.Equals(Schema ?? "public", other.Schema ?? "public", StringComparison.Ordinal);
    }

    /// <summary><c>kalshidesk.db</c> → <c>kalshidesk-paper.db</c>, in the same folder.</summary>
    private static string PaperFileName(string dataSource)
    {
        if (dataSource == ":memory:")
        {
            return dataSource;
        }

        var directory = Path.GetDirectoryName(dataSource);
        var name = Path.GetFileNameWithoutExtension(dataSource) + "-paper" + Path.GetExtension(dataSource);
        return string.IsNullOrEmpty(directory) ? name : Path.Combine(directory, name);
    }

    private static void EnsureWritable(string path, string key)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            if (File.Exists(path))
            {
                using var _ = File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            else
            {
                var probe = Path.Combine(directory, $".kalshidesk-write-test-{Guid.NewGuid():N}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeskConfigurationException(key, $"points at '{path}', which cannot be written ({ex.Message}); choose a writable path, e.g. \"Data Source=data/kalshidesk.db\"");
        }
    }

    private static string FromUrl(string url, string key)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new DeskConfigurationException(key, "is not a valid postgres:// URL; use postgres://user:password@host:5432/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = uri.AbsolutePath.Trim('/'),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ConnectionString;
    }
}
