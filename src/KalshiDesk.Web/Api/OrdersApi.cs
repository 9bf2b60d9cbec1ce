using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static KalshiDesk.Web.Api.CsvExport;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/orders</c>: the desk's orders, newest first, with their fills' average price and fees. Query: <c>ticker</c>,
/// <c>offset</c>, <c>limit</c> (1–1,000, default 100), <c>format</c> (json or csv; or <c>Accept: text/csv</c>). CSV
/// without a limit holds every order.
/// </summary>
public static class OrdersApi
{
    public static IReadOnlyList<CsvColumn<OrderView>> Columns { get; } =
    [
        new("created_at", o => Time(o.CreatedAt)),
        new("id", o => Id(o.Id)),
        new("client_order_id", o => Text(o.ClientOrderId)),
        new("exchange_order_id", o => Text(o.ExchangeOrderId)),
        new("proposal_id", o => Id(o.ProposalId)),
        new("broker", o => Text(o.Broker)),
        new("ticker", o => Text(o.Ticker)),
        new("title", o => Text(o.Title)),
        new("side", o => Text(o.Side)),
        new("action", o => Text(o.Action)),
        new("price", o => Number(o.Price)),
        new("count", o => Number(o.Count)),
        new("filled", o => Number(o.Filled)),
        new("average_price", o => Number(o.AveragePrice)),
        new("fee", o => Number(o.Fee)),
        new("status", o => Text(o.Status)),
        new("expires_at", o => Time(o.ExpiresAt)),
        new("last_fill_at", o => Time(o.LastFillAt)),
    ];

    public static void MapOrdersApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/orders", List)
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("ListOrders")
            .WithTags("Portfolio");

    private static async Task<Results<Ok<OrdersPage>, FileContentHttpResult, ValidationProblem>> List(
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

        var page = await history.ReadOrdersAsync(query, ct).ConfigureAwait(false);
        return csv ? TypedResults.File(Write(Columns, page.Orders), ContentType, "orders.csv") : TypedResults.Ok(page);
    }
}
