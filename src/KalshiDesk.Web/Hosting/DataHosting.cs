using KalshiDesk.Data;
using KalshiDesk.Engine.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Hosting;

public static class DataHosting
{
    /// <summary>EF Core on SQLite (default) or PostgreSQL, chosen by <c>ConnectionStrings:KalshiDesk</c>.</summary>
    public static void AddDeskData(this WebApplicationBuilder builder)
    {
        var database = DeskDatabase.Parse(builder.Configuration.GetConnectionString("KalshiDesk"), Environment.CurrentDirectory);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IDbContextFactory<DeskDbContext>, DeskDbContextFactory>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContext());
    }

    /// <summary>Applies migrations (a database that cannot be reached stops the app naming the key) and opens the paper account.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DeskDatabase>();
        await using (var context = await app.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync().ConfigureAwait(false))
        {
            try
            {
                await context.Database.MigrateAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                throw new DeskConfigurationException(DeskDatabase.ConnectionStringKey, $"({database.Provider}) cannot be opened: {FirstLine(ex)}; check the server, database name and credentials");
            }
        }

        await app.Services.GetRequiredService<PaperAccount>().EnsureOpenedAsync().ConfigureAwait(false);
    }

    private static string FirstLine(Exception ex)
    {
        var message = (ex.InnerException ?? ex).Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return end > 0 ? message[..end] : message;
    }
}
