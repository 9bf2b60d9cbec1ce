using KalshiDesk.Engine.Scanner;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/markets</c>: the markets the last cycle evaluated, with price, estimate, edge, decision and the reason
/// each one stopped. Query: <c>search</c>, <c>decision</c> (proposed or skipped), <c>sort</c> (edge, ticker, estimate,
/// stage, closes), <c>desc</c> (true by default), <c>offset</c>, <c>limit</c> (1–1,000, default 100).
/// </summary>
public static class MarketsApi
{
    public static void MapMarketsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/markets", List)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("ListMarkets")
            .WithTags("Markets");

    private static Results<Ok<MarketScanPage>, ValidationProblem> List(
        MarketScan scan,
        string? search,
        string? decision,
        string? sort,
        bool? desc,
        int? offset,
        int? limit)
    {
        var query = new MarketScanQuery(search, decision, sort ?? "edge", desc ?? true, offset ?? 0, limit ?? 100);
        try
        {
            return TypedResults.Ok(scan.Query(query));
        }
        catch (ArgumentException ex)
        {
            var field = ex.Message.Split(' ', 2)[0];
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [ex.Message.Replace(" (Parameter 'query')", string.Empty, StringComparison.Ordinal)] });
        }
    }
}
