using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Auth;

namespace KalshiDesk.Web.Api;

public static class PositionsApi
{
    /// <summary><c>GET /api/positions</c>: open positions, each with an id (ticker:side).</summary>
    public static void MapPositionsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/positions", async (PortfolioReader portfolio, CancellationToken ct) =>
                TypedResults.Ok((await portfolio.ReadAsync(ct).ConfigureAwait(false)).Positions))
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("ListPositions")
            .WithTags("Portfolio");
}
