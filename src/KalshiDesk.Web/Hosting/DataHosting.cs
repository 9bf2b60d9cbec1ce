using KalshiDesk.Data;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Engine.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Hosting;

public static class DataHosting
{
    /// <summary>
    /// EF Core on SQLite (default) or PostgreSQL, chosen by <c>ConnectionStrings:KalshiDesk</c>: the main database (live
    /// book, users, tokens, mode) and the paper book's own (<c>ConnectionStrings:KalshiDeskPaper</c>, or one derived from
    /// the main one). Trading records go through <see cref="IDbContextFactory{DeskDbContext}"/>, on the book in force;
    /// Identity and the rest of the control data through <see cref="DeskControlDb"/>, on the main database.
    /// </summary>
    public static void AddDeskData(this WebApplicationBuilder builder)
    {
        var databases = DeskDatabases.Parse(
            builder.Configuration.GetConnectionString("KalshiDesk"),
            builder.Configuration.GetConnectionString("KalshiDeskPaper"),
            Environment.CurrentDirectory);
        builder.Services.AddSingleton(databases);
        builder.Services.AddSingleton(databases.Main);
        builder.Services.AddSingleton<DeskControlDb>();
        builder.Services.AddSingleton<IDbContextFactory<DeskDbContext>, BookDbContextFactory>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<DeskControlDb>().CreateDbContext());
    }

    /// <summary>
    /// Applies migrations to both databases (one that cannot be reached stops the app naming its key) and opens the paper
    /// account in the paper book.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var databases = app.Services.GetRequiredService<DeskDatabases>();
        foreach (var database in new[] { databases.Main, databases.Paper })
        {
            try
            {
                await database.MigrateAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                throw new DeskConfigurationException(database.Key, $"({database.Provider}) cannot be opened: {FirstLine(ex)}; check the server, database name and credentials");
            }
        }

        // A desk from before the paper book had its own database: its paper history leaves the live book, once.
        var moved = await PaperBookUpgrade.MoveAsync(databases).ConfigureAwait(false);
        if (moved > 0)
        {
            app.Logger.LogInformation("Moved {Records} paper trading records from the main database to the paper book", moved);
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
