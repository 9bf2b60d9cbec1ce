namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>Settings of one <see cref="KalshiWebSocketClient"/>.</summary>
public sealed class KalshiWebSocketOptions
{
    /// <summary>Where to connect, ending in <c>/trade-api/ws/v2</c>. Required.</summary>
    public required Uri Url { get; init; }

    /// <summary>How often the client pings Kalshi (default 10 s, Kalshi's own heartbeat period).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a client ping may go unanswered before the connection is declared dead (default 20 s).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for the WebSocket upgrade (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delays between reconnect attempts and between resubscribe attempts (default 500 ms doubling to 30 s).</summary>
    public ReconnectBackoff Backoff { get; init; } = ReconnectBackoff.Default;

    /// <summary>
    /// Messages kept for a slow reader of <see cref="KalshiWebSocketClient.Messages"/> (default 10,000); beyond that the
    /// oldest is dropped and counted in <see cref="KalshiWebSocketClient.DroppedMessages"/>. Books never depend on the reader.
    /// </summary>
    public int MessageBufferCapacity { get; init; } = 10_000;

    /// <summary>The configured URL, or the environment's recommended WebSocket host (NOTES §2).</summary>
    public static KalshiWebSocketOptions From(KalshiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new KalshiWebSocketOptions
        {
            Url = options.WebSocketUrl ?? options.Environment switch
            {
                KalshiEnvironment.Production => new Uri("wss://external-api-ws.kalshi.com/trade-api/ws/v2"),
                KalshiEnvironment.Demo => new Uri("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"),
                _ => throw new InvalidOperationException("Kalshi:WebSocketUrl is not set: the built-in Sandbox has not started."),
            },
        };
    }
}
