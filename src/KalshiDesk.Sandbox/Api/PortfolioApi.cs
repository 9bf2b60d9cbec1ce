using System.Text.Json;
using KalshiDesk.Sandbox.RateLimiting;
using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox.Api;

/// <summary><c>/portfolio</c>: the demo account's balance, orders (V2 create and cancel), positions and fills.</summary>
internal static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder portfolio)
    {
        portfolio.MapGet("/balance", GetBalance).WithName("SandboxGetBalance").WithTags("portfolio");
        portfolio.MapGet("/orders", GetOrders).WithName("SandboxGetOrders").WithTags("orders");
        portfolio.MapGet("/orders/{order_id}", GetOrder).WithName("SandboxGetOrder").WithTags("orders").CostsTokens(SandboxEndpointCost.Reduced);
        portfolio.MapPost("/events/orders", CreateOrderAsync).WithName("SandboxCreateOrderV2").WithTags("orders");
        portfolio.MapDelete("/events/orders/{order_id}", CancelOrder).WithName("SandboxCancelOrderV2").WithTags("orders").CostsTokens(SandboxEndpointCost.Reduced);
        portfolio.MapGet("/positions", GetPositions).WithName("SandboxGetPositions").WithTags("portfolio");
        portfolio.MapGet("/fills", GetFills).WithName("SandboxGetFills").WithTags("portfolio");
        portfolio.MapGet("/settlements", GetSettlements).WithName("SandboxGetSettlements").WithTags("portfolio");
        portfolio.MapPost("/order_groups/create", CreateOrderGroupAsync).WithName("SandboxCreateOrderGroup").WithTags("order-groups");
        return portfolio;
    }

    private static IResult GetBalance([FromServices] SandboxExchange exchange) => TypedResults.Json(exchange.GetBalance(), SandboxJson.Options);

    private static IResult GetOrders(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        var status = Paging.Text(request, "status");
        if (status is not (null or "resting" or "canceled" or "executed"))
        {
            return ApiError.InvalidParameter("status", "must be resting, canceled or executed").ToResult();
        }

        var orders = exchange.GetOrders(Paging.Text(request, "ticker"), Paging.Text(request, "event_ticker"), status);
        return Page(request, orders, "orders");
    }

    private static IResult GetOrder([FromRoute(Name = "order_id")] string orderId, [FromServices] SandboxExchange exchange) =>
        exchange.GetOrder(orderId) is { } order
            ? TypedResults.Json(new { order }, SandboxJson.Options)
            : ApiError.NotFound($"order {orderId}").ToResult();

    private static async Task<IResult> CreateOrderAsync(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return ApiError.InvalidParameter("body", "is not valid JSON").ToResult();
        }

        using (body)
        {
            var (command, error) = OrderRequestParser.Parse(body.RootElement, exchange.Now);
            if (command is null)
            {
                return error!.ToResult();
            }

            var outcome = exchange.PlaceOrder(command);
            if (outcome.Error is { } refused)
            {
                return refused.ToResult();
            }

            var order = outcome.Order!;
            var response = new CreateOrderResponseJson
            {
                OrderId = order.OrderId,
                ClientOrderId = command.ClientOrderId,
                FillCount = SandboxJson.Count(outcome.Filled),
                RemainingCount = SandboxJson.Count(order.RemainingCount),
                AverageFillPrice = outcome.AverageYesPrice is { } price ? SandboxJson.Dollars(Math.Round(price, 4, MidpointRounding.AwayFromZero)) : null,
                AverageFeePaid = outcome.AverageFee is { } fee ? SandboxJson.Dollars(Math.Round(fee, 4, MidpointRounding.AwayFromZero)) : null,
                TsMs = outcome.At.ToUnixTimeMilliseconds(),
            };
            return TypedResults.Json(response, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
        }
    }

    private static IResult CancelOrder([FromRoute(Name = "order_id")] string orderId, [FromServices] SandboxExchange exchange)
    {
        if (exchange.CancelOrder(orderId) is not { } cancelled)
        {
            return ApiError.NotFound($"resting order {orderId}").ToResult();
        }

        return TypedResults.Json(
            new CancelOrderResponseJson(cancelled.Order.OrderId, cancelled.Order.ClientOrderId, SandboxJson.Count(cancelled.ReducedBy), cancelled.At.ToUnixTimeMilliseconds()),
            SandboxJson.Options);
    }

    private static IResult GetPositions(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        // count_filter=position keeps markets with contracts held; total_traded keeps everything traded (the default here).
        var filter = Paging.Text(request, "count_filter") ?? string.Empty;
        var (markets, events) = exchange.GetPositions(Paging.Text(request, "ticker"), Paging.Text(request, "event_ticker"), filter.Contains("position", StringComparison.Ordinal));
        if (!Paging.TryLimit(request, out var limit, out var error) || !Paging.TryOffset(request, out var offset, out error))
        {
            return error!.ToResult();
        }

        var page = markets.Skip(offset).Take(limit).ToList();
        var more = offset + page.Count < markets.Count;
        return TypedResults.Json(
            new { market_positions = page, event_positions = events, cursor = Paging.NextOffset(offset, page.Count, more) },
            SandboxJson.Options);
    }

    private static IResult GetFills(HttpRequest request, [FromServices] SandboxExchange exchange) =>
        Page(request, exchange.GetFills(Paging.Text(request, "ticker"), Paging.Text(request, "order_id")), "fills");

    // Groups are recorded so orders can name them; the rolling 15 s contracts limit is not enforced here (docs/kalshi-client.md).
    private static async Task<IResult> CreateOrderGroupAsync(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return ApiError.InvalidParameter("body", "is not JSON").ToResult();
        }

        using (body)
        {
            decimal limit;
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("contracts_limit_fp", out var fp) && fp.ValueKind == JsonValueKind.String
                && decimal.TryParse(fp.GetString(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                limit = parsed;
            }
            else if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("contracts_limit", out var whole) && whole.TryGetInt64(out var count))
            {
                limit = count;
            }
            else
            {
                return ApiError.InvalidParameter("contracts_limit_fp", "is required, e.g. \"100.00\"").ToResult();
            }

            if (limit <= 0m || decimal.Round(limit, 2) != limit)
            {
                return ApiError.InvalidParameter("contracts_limit_fp", "must be a positive count with at most two decimals").ToResult();
            }

            var id = exchange.CreateOrderGroup(limit);
            return TypedResults.Json(new Dictionary<string, object> { ["order_group_id"] = id, ["subaccount"] = 0 }, SandboxJson.Options, statusCode: StatusCodes.Status201Created);
        }
    }

    /// <summary>The account's settlements, newest first; <c>ticker</c> and <c>event_ticker</c> filter, <c>limit</c>/<c>cursor</c> page.</summary>
    private static IResult GetSettlements(HttpRequest request, [FromServices] SandboxExchange exchange)
    {
        var settlements = exchange.GetSettlements(Paging.Text(request, "ticker"), Paging.Text(request, "event_ticker"));
        return Page(request, [.. settlements.Select(WireMapper.Settlement)], "settlements");
    }

    private static IResult Page<T>(HttpRequest request, IReadOnlyList<T> items, string name)
    {
        if (!Paging.TryLimit(request, out var limit, out var error) || !Paging.TryOffset(request, out var offset, out error))
        {
            return error!.ToResult();
        }

        var page = items.Skip(offset).Take(limit).ToList();
        var cursor = Paging.NextOffset(offset, page.Count, offset + page.Count < items.Count);
        return TypedResults.Json(new Dictionary<string, object> { [name] = page, ["cursor"] = cursor }, SandboxJson.Options);
    }
}
