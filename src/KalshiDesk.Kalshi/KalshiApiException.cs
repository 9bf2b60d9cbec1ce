using System.Net;

namespace KalshiDesk.Kalshi;

/// <summary>The exchange answered with an error (Kalshi's <c>{"error":{"code","message"}}</c> or <c>{"error":"..."}</c>).</summary>
public sealed class KalshiApiException(HttpStatusCode status, string code, string message, string path)
    : Exception($"Kalshi {(int)status} {code} on {path}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Kalshi's error code, e.g. <c>order_already_exists</c>.</summary>
    public string Code { get; } = code;

    public string Path { get; } = path;
}
