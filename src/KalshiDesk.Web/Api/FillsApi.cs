using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static KalshiDesk.Web.Api.CsvExport;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/fills</c>: every execution, newest first. Query: <c>ticker</c>, <c>offset</c>, <c>limit</c> (1–1,000,
/// default 100), <c>format</c> (json or csv; or <c>Accept: text/csv</c>). CSV without a limit holds every fill.
/// </summary>
public static class FillsApi
{
    public static IReadOnlyList<CsvColumn<FillView>> Columns { get; } =
    [
        new("created_at", f => Time(f.CreatedAt)),
        new("id", f => Id(f.Id)),
        new("order_id", f => Id(f.OrderId)),
        new("client_order_id", f => Text(f.ClientOrderId)),
        new("exchange_fill_id", f => Text(f.ExchangeFillId)),
        new("broker", f => Text(f.Broker)),
        new("ticker", f => Text(f.Ticker)),
        new("title", f => Text(f.Title)),
        new("side", f => Text(f.Side)),
        new("action", f => Text(f.Action)),
        new("price", f => Number(f.Price)),
        new("count", f => Number(f.Count)),
        new("value", f => Number(f.Value)),
        new("fee", f => Number(f.Fee)),
        new("liquidity", f => Text(f.Liquidity)),
    ];

    public static void MapFillsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/fills", List)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("ListFills")
            .WithTags("Portfolio");

    private static async Task<Results<Ok<FillsPage>, FileContentHttpResult, ValidationProblem>> List(
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

        var page = await history.ReadFillsAsync(query, ct).ConfigureAwait(false);
        return csv ? TypedResults.File(Write(Columns, page.Fills), ContentType, "fills.csv") : TypedResults.Ok(page);
    }
}
