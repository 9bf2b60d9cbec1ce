using KalshiDesk.Sandbox.Api;
using KalshiDesk.Sandbox.Auth;
using KalshiDesk.Sandbox.RateLimiting;
using KalshiDesk.Sandbox.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox;

/// <summary>
/// Kalshi's Trade API v2 (OpenAPI 3.27.0 shapes) under <c>/trade-api/v2</c> and its WebSocket API at <c>/trade-api/ws/v2</c>
/// (AsyncAPI 2026-08-04; needs <c>UseWebSockets</c>), answered by the <see cref="SandboxExchange"/> registered in the host's services.
/// </summary>
public static class SandboxEndpoints
{
    public const string BasePath = "/trade-api/v2";

    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(BasePath).AddEndpointFilter(AnswerFailuresInKalshiShape).RateLimited();
        api.MapExchangeApi();
        api.MapMarketsApi();
        api.MapSeriesApi();
        api.MapAccountApi();

        // The authenticated routes: signed with a registered key (Kalshi's RSA-PSS scheme) or answered 401.
        api.MapGroup("/portfolio").RequireKalshiSignature().MapPortfolioApi();

        api.MapFallback("{**path}", (HttpRequest request) => ApiError.NotFound($"{request.Method} {request.Path}").ToResult());
        app.MapSandboxStream();
        return app;
    }

    /// <summary>Whatever goes wrong inside a handler still answers <c>{"error":{"code","message"}}</c>.</summary>
    private static async ValueTask<object?> AnswerFailuresInKalshiShape(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            return new ApiError(ex.StatusCode, "invalid_parameters", ex.Message).ToResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ApiError(StatusCodes.Status500InternalServerError, "internal_server_error", ex.Message).ToResult();
        }
    }
}
