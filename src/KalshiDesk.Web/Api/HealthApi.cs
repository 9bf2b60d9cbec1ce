using KalshiDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Api;

public static class HealthApi
{
    /// <summary><c>GET /healthz</c>, open to all: 200 when the database answers, 503 when it does not.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (IDbContextFactory<DeskDbContext> db, CancellationToken ct) =>
            {
                await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
                return await context.Database.CanConnectAsync(ct).ConfigureAwait(false)
                    ? Results.Ok(new { status = "ok" })
                    : Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithName("Health")
            .WithTags("Health");
}
