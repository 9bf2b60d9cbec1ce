using KalshiDesk.Web.Auth;

namespace KalshiDesk.Web.Api;

public static class StatusApi
{
    /// <summary><c>GET /api/status</c>: mode, preset, state and reason, equity, cash, exposure, the last cycle's funnel.</summary>
    public static void MapStatusApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/status", async (DeskStatusReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReadAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("GetStatus")
            .WithTags("Status");
}
