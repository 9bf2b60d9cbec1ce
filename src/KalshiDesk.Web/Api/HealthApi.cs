using KalshiDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Api;

public static class HealthApi
{
    /// <summary>
    /// <c>GET /healthz</c>, open to all: 200 when the databases answer (the main one, and the book in force's), 503 when
    /// one does not.
    /// </summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (DeskControlDb control, IDbContextFactory<DeskDbContext> book, CancellationToken ct) =>
            {
                bool answers;
                try
                {
                    await using var main = await control.CreateDbContextAsync(ct).ConfigureAwait(false);
                    answers = await main.Database.CanConnectAsync(ct).ConfigureAwait(false);
                    if (answers)
                    {
                        // The book in force is found through the main database's mode: only asked once that answers.
                        await using var trading = await book.CreateDbContextAsync(ct).ConfigureAwait(false);
                        answers = await trading.Database.CanConnectAsync(ct).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
                {
                    answers = false;
                }

                return answers
                    ? Results.Ok(new { status = "ok" })
                    : Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithName("Health")
            .WithTags("Health");
}
