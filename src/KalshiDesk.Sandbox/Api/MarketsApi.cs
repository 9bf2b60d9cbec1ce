using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox.Api;

/// <summary><c>/markets</c>: listing with Kalshi's filters and cursor, one market, its book, and the public tape.</summary>
internal static class MarketsApi
{
    /// <summary>Kalshi's orderbook depth: 0 (or less) for all levels, else 1–100 per side.</summary>
    private const int MaxDepth = 100;

    public static RouteGroupBuilder MapMarketsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/markets", GetMarkets).WithName("SandboxGetMarkets").WithTags("markets");
        api.MapGet("/markets/trades", GetTrades).WithName("SandboxGetTrades").WithTags("markets");
        api.MapGet("/markets/{ticker}", GetMarket).WithName("SandboxGetMarket").WithTags("markets");
        api.MapGet("/markets/{ticker}/orderbook", GetOrderbook).WithName("SandboxGetMarketOrderbook").WithTags("markets");
        return api;
    }

    private static IResult GetMarkets(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        if (!Paging.TryLimit(request, out var limit, out var error) || !Paging.TryCursor(request, out var after, out error))
        {
            return error!.ToResult();
        }

        IReadOnlySet<MarketStatus>? statuses = null;
        if (Paging.Text(request, "status") is { } status && (statuses = MarketFilter.StatusesFor(status)) is null)
        {
            return ApiError.InvalidParameter("status", "must be one of unopened, open, paused, closed, settled").ToResult();
        }

        var filter = new MarketFilter(statuses, Paging.List(request, "event_ticker"), Paging.Text(request, "series_ticker"), Paging.List(request, "tickers"));
        var page = exchange.GetMarkets(filter, after, limit);
        return TypedResults.Json(
            new { markets = page.Markets, cursor = page.LastTicker is null ? string.Empty : Paging.Encode(page.LastTicker) },
            SandboxJson.Options);
    }

    private static IResult GetMarket(string ticker, [FromServices] SandboxExchange exchange) =>
        exchange.GetMarket(ticker) is { } market
            ? TypedResults.Json(new { market }, SandboxJson.Options)
            : ApiError.NotFound($"market {ticker}").ToResult();

    private static IResult GetOrderbook(string ticker, HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        var depth = 0;
        var text = request.Query["depth"].ToString();
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out depth) || depth > MaxDepth))
        {
            return ApiError.InvalidParameter("depth", "must be a whole number from 0 (all levels) to 100").ToResult();
        }

        return exchange.GetOrderbook(ticker, depth) is { } book
            ? TypedResults.Json(new { orderbook_fp = book }, SandboxJson.Options)
            : ApiError.NotFound($"market {ticker}").ToResult();
    }

    private static IResult GetTrades(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        if (!Paging.TryLimit(request, out var limit, out var error) || !Paging.TryOffset(request, out var offset, out error))
        {
            return error!.ToResult();
        }

        var trades = exchange.GetTrades(Paging.Text(request, "ticker"), offset, limit, out var more);
        return TypedResults.Json(new { trades, cursor = Paging.NextOffset(offset, trades.Count, more) }, SandboxJson.Options);
    }
}
