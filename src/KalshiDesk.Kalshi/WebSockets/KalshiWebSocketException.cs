namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>Kalshi answered a WebSocket command with an error, or the connection ended before it answered.</summary>
public sealed class KalshiWebSocketException(int? code, string message) : Exception(code is null ? message : $"Kalshi WebSocket error {code}: {message}")
{
    /// <summary>Kalshi's error code (NOTES §4.2: 6 already subscribed, 16 market not found …); null when the connection was lost.</summary>
    public int? Code { get; } = code;
}
