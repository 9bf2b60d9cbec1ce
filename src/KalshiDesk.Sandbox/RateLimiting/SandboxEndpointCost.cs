using Microsoft.AspNetCore.Builder;

namespace KalshiDesk.Sandbox.RateLimiting;

/// <summary>Endpoint metadata: the tokens a request to this endpoint costs, when not <see cref="SandboxRateLimits.DefaultCost"/>.</summary>
internal sealed record SandboxEndpointCost(int Cost)
{
    /// <summary>Kalshi's price of a cancel and of a single-order read.</summary>
    public const int Reduced = 2;
}

/// <summary>Endpoint metadata: the endpoint draws on the rate-limit buckets (every REST route; not the WebSocket).</summary>
internal sealed class SandboxRateLimited
{
    public static readonly SandboxRateLimited Instance = new();

    private SandboxRateLimited()
    {
    }
}

internal static class SandboxEndpointCostExtensions
{
    public static TBuilder CostsTokens<TBuilder>(this TBuilder builder, int cost)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new SandboxEndpointCost(cost));

    public static TBuilder RateLimited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(SandboxRateLimited.Instance);
}
