using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox.Api;

/// <summary><c>/series</c> and <c>/events</c>: the world's catalog, with each series' fee schedule.</summary>
internal static class SeriesApi
{
    /// <summary><c>GET /events</c> pages at most 200 (OpenAPI 3.27.0).</summary>
    private const int MaxEventLimit = 200;

    public static RouteGroupBuilder MapSeriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/series", GetSeriesList).WithName("SandboxGetSeriesList").WithTags("series");
        api.MapGet("/series/{series_ticker}", GetSeries).WithName("SandboxGetSeries").WithTags("series");
        api.MapGet("/events", GetEvents).WithName("SandboxGetEvents").WithTags("events");
        api.MapGet("/events/{event_ticker}", GetEvent).WithName("SandboxGetEvent").WithTags("events");
        return api;
    }

    private static IResult GetSeriesList(HttpRequest request, [FromServices] SandboxExchange exchange) =>
        TypedResults.Json(new { series = exchange.GetSeriesList(Paging.Text(request, "category")) }, SandboxJson.Options);

    private static IResult GetSeries([FromRoute(Name = "series_ticker")] string seriesTicker, [FromServices] SandboxExchange exchange) =>
        exchange.GetSeries(seriesTicker) is { } series
            ? TypedResults.Json(new { series }, SandboxJson.Options)
            : ApiError.NotFound($"series {seriesTicker}").ToResult();

    private static IResult GetEvent([FromRoute(Name = "event_ticker")] string eventTicker, HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        if (exchange.GetEvent(eventTicker, Paging.Flag(request, "with_nested_markets")) is not { } found)
        {
            return ApiError.NotFound($"event {eventTicker}").ToResult();
        }

        return TypedResults.Json(new { @event = found.Event, markets = found.Markets }, SandboxJson.Options);
    }

    private static IResult GetEvents(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        if (!Paging.TryLimit(request, out var limit, out var error, defaultLimit: MaxEventLimit, maxLimit: MaxEventLimit) ||
            !Paging.TryCursor(request, out var after, out error))
        {
            return error!.ToResult();
        }

        IReadOnlySet<MarketStatus>? statuses = null;
        if (Paging.Text(request, "status") is { } status && (statuses = MarketFilter.StatusesFor(status)) is null)
        {
            return ApiError.InvalidParameter("status", "must be one of unopened, open, closed, settled").ToResult();
        }

        var (events, last) = exchange.GetEvents(new MarketFilter(statuses, SeriesTicker: Paging.Text(request, "series_ticker")), after, limit, Paging.Flag(request, "with_nested_markets"));
        return TypedResults.Json(new { events, cursor = last is null ? string.Empty : Paging.Encode(last) }, SandboxJson.Options);
    }
}
