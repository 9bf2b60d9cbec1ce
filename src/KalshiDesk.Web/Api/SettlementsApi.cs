using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static KalshiDesk.Web.Api.CsvExport;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/settlements</c>: the markets the desk held when they settled, newest first, with payout, cost, fees and
/// P&amp;L. Query: <c>ticker</c>, <c>offset</c>, <c>limit</c> (1–1,000, default 100), <c>format</c> (json or csv; or
/// <c>Accept: text/csv</c>). CSV without a limit holds every settlement.
/// </summary>
public static class SettlementsApi
{
    public static IReadOnlyList<CsvColumn<SettlementView>> Columns { get; } =
    [
        new("settled_at", s => Time(s.SettledAt)),
        new("id", s => Id(s.Id)),
        new("ticker", s => Text(s.Ticker)),
        new("event_ticker", s => Text(s.EventTicker)),
        new("title", s => Text(s.Title)),
        new("result", s => Text(s.Result)),
        new("yes_count", s => Number(s.YesCount)),
        new("no_count", s => Number(s.NoCount)),
        new("revenue", s => Number(s.Revenue)),
        new("cost", s => Number(s.Cost)),
        new("fee", s => Number(s.Fee)),
        new("pnl", s => Number(s.Pnl)),
    ];

    public static void MapSettlementsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/settlements", List)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("ListSettlements")
            .WithTags("Portfolio");

    private static async Task<Results<Ok<SettlementsPage>, FileContentHttpResult, ValidationProblem>> List(
        TradeHistory history,
        HttpRequest request,
        string? ticker,
        string? offset,
        string? limit,
        string? format,
        CancellationToken ct)
    {
        var values = new QueryValues();
        var csv = values.WantsCsv(format, request);
        var query = values.Page(ticker, offset, limit, csv);
        if (values.HasErrors)
        {
            return TypedResults.ValidationProblem(values.Errors);
        }

        var page = await history.ReadSettlementsAsync(query, ct).ConfigureAwait(false);
        return csv ? TypedResults.File(Write(Columns, page.Settlements), ContentType, "settlements.csv") : TypedResults.Ok(page);
    }
}
