using Microsoft.AspNetCore.Builder;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>Endpoint metadata: the request must carry a valid Kalshi signature (<see cref="KalshiSignatureMiddleware"/>).</summary>
internal sealed class RequiresKalshiSignature
{
    public static readonly RequiresKalshiSignature Instance = new();

    private RequiresKalshiSignature()
    {
    }
}

internal static class RequiresKalshiSignatureExtensions
{
    /// <summary>Answers 401 to requests to these endpoints that are not signed with a registered key.</summary>
    public static TBuilder RequireKalshiSignature<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RequiresKalshiSignature.Instance);
}
