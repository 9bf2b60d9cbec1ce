using System.Globalization;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/pnl</c>: the equity curve (one point a cycle), the P&amp;L of each New York day, and the totals now.
/// Query: <c>days</c> (1–366, default 30: the window ends now), or <c>from</c> and/or <c>to</c> (ISO 8601; UTC without an
/// offset; <c>to</c> defaults to now and <c>from</c> to 30 days before <c>to</c>), and <c>points</c> (2–10,000, default
/// 1,000: a longer curve is thinned to that many).
/// </summary>
public static class PnlApi
{
    /// <summary>The window's length unless asked otherwise.</summary>
    public const int DefaultDays = 30;

    public static void MapPnlApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/pnl", Get)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("GetPnl")
            .WithTags("Portfolio");

    private static async Task<Results<Ok<PnlReport>, ValidationProblem>> Get(
        PnlReader pnl,
        TimeProvider time,
        string? from,
        string? to,
        string? days,
        string? points,
        CancellationToken ct)
    {
        var values = new QueryValues();
        var maxDays = (int)PnlReader.MaxWindow.TotalDays;
        var span = values.Whole(days, "days", 1, maxDays);
        var start = values.Time(from, "from");
        var end = values.Time(to, "to");
        var count = values.Whole(points, "points", 2, PnlReader.MaxPoints) ?? PnlReader.DefaultPoints;
        if (span is not null && (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to)))
        {
            values.Fail("days", "days cannot be combined with from or to; give a number of days or a window.");
        }

        var now = time.GetUtcNow();
        var windowEnd = end ?? now;
        var windowStart = start ?? windowEnd.AddDays(-(span ?? DefaultDays));
        if (!values.HasErrors && windowEnd <= windowStart)
        {
            values.Fail("to", string.Create(CultureInfo.InvariantCulture, $"to must be after from; got from {windowStart:O} and to {windowEnd:O}."));
        }
        else if (!values.HasErrors && windowEnd - windowStart > PnlReader.MaxWindow)
        {
            values.Fail("from", string.Create(CultureInfo.InvariantCulture, $"from and to must be at most {maxDays} days apart; got {(windowEnd - windowStart).TotalDays:0.##}."));
        }

        if (values.HasErrors)
        {
            return TypedResults.ValidationProblem(values.Errors);
        }

        return TypedResults.Ok(await pnl.ReadAsync(windowStart, windowEnd, count, ct).ConfigureAwait(false));
    }
}
