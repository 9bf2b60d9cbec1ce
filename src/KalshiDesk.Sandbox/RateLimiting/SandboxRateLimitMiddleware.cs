using KalshiDesk.Sandbox.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace KalshiDesk.Sandbox.RateLimiting;

/// <summary>
/// After the signature check: a REST request takes its cost from its caller's read or write bucket (writes are POST, PUT, DELETE
/// and PATCH on the <c>/portfolio</c> order routes), or is answered as Kalshi answers: 429,
/// <c>{"error":{"code":"too_many_requests","message":"too many requests"}}</c>, no Retry-After.
/// </summary>
internal sealed class SandboxRateLimitMiddleware(RequestDelegate next, SandboxRateLimiter limiter)
{
    private static readonly byte[] TooManyRequests = """{"error":{"code":"too_many_requests","message":"too many requests"}}"""u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<SandboxRateLimited>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var caller = SandboxCaller.KeyId(context) is { } keyId ? "key " + keyId : "ip " + context.Connection.RemoteIpAddress;
        var write = IsWrite(context.Request.Method, endpoint);
        var cost = endpoint.Metadata.GetMetadata<SandboxEndpointCost>()?.Cost ?? limiter.Limits.DefaultCost;
        if (limiter.TryAcquire(caller, write, cost))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "application/json";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await context.Response.Body.WriteAsync(TooManyRequests, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Order changes: a POST, PUT, DELETE or PATCH under <c>/portfolio</c>. Everything else reads.</summary>
    internal static bool IsWrite(string method, Endpoint endpoint) =>
        (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method))
        && endpoint is RouteEndpoint route
        && route.RoutePattern.RawText is { } pattern
        && pattern.StartsWith(SandboxEndpoints.BasePath + "/portfolio/", StringComparison.Ordinal);
}
