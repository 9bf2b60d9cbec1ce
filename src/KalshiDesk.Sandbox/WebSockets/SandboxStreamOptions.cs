namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>Settings of the Sandbox's WebSocket API (<c>/trade-api/ws/v2</c>).</summary>
public sealed class SandboxStreamOptions
{
    /// <summary>How often the server pings each connection (default 10 s, Kalshi's heartbeat period, NOTES §4.1).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a ping may go unanswered before the connection is dropped (default 20 s).</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Channel messages a connection may have queued and unsent (default 10,000). A subscription whose message would
    /// exceed it is dropped with error 25 (subscription buffer overflow), so a slow reader never holds up the world.
    /// </summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void Validate()
    {
        if (PingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(PingInterval)} must be positive.", nameof(PingInterval));
        }

        if (PingTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(PingTimeout)} must be positive.", nameof(PingTimeout));
        }

        if (BufferCapacity < 1)
        {
            throw new ArgumentException($"{nameof(BufferCapacity)} must be at least 1.", nameof(BufferCapacity));
        }
    }
}
