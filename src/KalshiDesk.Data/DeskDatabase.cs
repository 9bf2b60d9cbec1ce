using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KalshiDesk.Data;

/// <summary>Reads <c>ConnectionStrings:KalshiDesk</c>, picks the provider, and builds context options.</summary>
public sealed class DeskDatabase
{
    public const string ConnectionStringKey = "ConnectionStrings:KalshiDesk";

    private DeskDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

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

        var text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            text = FromUrl(text);
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

                return new DeskDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                throw new DeskConfigurationException(ConnectionStringKey, $"is not a valid PostgreSQL connection string ({ex.Message}); use e.g. \"Host=localhost;Database=kalshidesk;Username=kalshidesk;Password=...\"");
            }
        }

        SqliteConnectionStringBuilder sqlite;
        try
        {
            sqlite = new SqliteConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new DeskConfigurationException(ConnectionStringKey, $"is not a valid connection string ({ex.Message}); use \"Data Source=data/kalshidesk.db\" for SQLite or \"Host=...;Database=...\" for PostgreSQL");
        }

        if (string.IsNullOrWhiteSpace(sqlite.DataSource))
        {
            throw new DeskConfigurationException(ConnectionStringKey, "names no database; use \"Data Source=data/kalshidesk.db\" for SQLite or \"Host=...;Database=...\" for PostgreSQL");
        }

        if (sqlite.DataSource != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(sqlite.DataSource, contentRoot);
            EnsureWritable(path);
            sqlite.DataSource = path;
        }

        return new DeskDatabase(DatabaseProvider.Sqlite, sqlite.ConnectionString);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(typeof(DeskDbContext).Assembly.GetName().Name));
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

    private static void EnsureWritable(string path)
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
            throw new DeskConfigurationException(ConnectionStringKey, $"points at '{path}', which cannot be written ({ex.Message}); choose a writable path, e.g. \"Data Source=data/kalshidesk.db\"");
        }
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new DeskConfigurationException(ConnectionStringKey, "is not a valid postgres:// URL; use postgres://user:password@host:5432/database");
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
