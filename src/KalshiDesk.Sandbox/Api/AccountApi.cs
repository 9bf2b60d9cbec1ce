using KalshiDesk.Sandbox.Auth;
using KalshiDesk.Sandbox.RateLimiting;
using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox.Api;

/// <summary><c>/account</c>: the rate limits in force (<see cref="SandboxOptions.RateLimits"/>) as Kalshi reports a member's.</summary>
internal static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/account/limits", GetLimits).WithName("SandboxGetAccountLimits").WithTags("account").RequireKalshiSignature();
        api.MapGet("/account/endpoint_costs", GetEndpointCosts).WithName("SandboxGetEndpointCosts").WithTags("account");
        return api;
    }

    /// <summary>OpenAPI 3.27.0's token form: <c>{"usage_tier","read":{"refill_rate","bucket_capacity"},"write":{…},"grants":[]}</c>.</summary>
    private static IResult GetLimits([FromServices] SandboxRateLimiter limiter)
    {
        var limits = limiter.Limits;
        return TypedResults.Json(
            new
            {
                usage_tier = limits.Tier,
                read = new { refill_rate = limits.ReadRefillPerSecond, bucket_capacity = limits.ReadCapacity },
                write = new { refill_rate = limits.WriteRefillPerSecond, bucket_capacity = limits.WriteCapacity },
                grants = Array.Empty<object>(),
            },
            SandboxJson.Options);
    }

    /// <summary>The default cost and every endpoint that costs otherwise, by method and path from the API root.</summary>
    private static IResult GetEndpointCosts([FromServices] SandboxRateLimiter limiter, [FromServices] EndpointDataSource endpoints)
    {
        var costs = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<SandboxEndpointCost>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new
            {
                method,
                path = e.RoutePattern.RawText![SandboxEndpoints.BasePath.Length..],
                cost = e.Metadata.GetMetadata<SandboxEndpointCost>()!.Cost,
            }))
            .OrderBy(c => c.path, StringComparer.Ordinal)
            .ThenBy(c => c.method, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Json(new { default_cost = limiter.Limits.DefaultCost, endpoint_costs = costs }, SandboxJson.Options);
    }
}
