using System.Globalization;
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
        string? desc,
        string? offset,
        string? limit)
    {
        // Numbers and flags are read here rather than bound, so "limit=abc" is answered like every other bad value.
        var errors = new Dictionary<string, string[]>();
        var descending = Flag(desc, "desc", true, errors);
        var skip = Whole(offset, "offset", 0, errors);
        var take = Whole(limit, "limit", 100, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new MarketScanQuery(search, decision, sort ?? "edge", descending, skip, take);
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

    private static int Whole(string? text, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number; got '{text}'."];
        return fallback;
    }

    private static bool Flag(string? text, string name, bool fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be true or false; got '{text}'."];
        return fallback;
    }
}
