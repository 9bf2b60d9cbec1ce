namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>Something the WebSocket client has to tell its reader: market data, account updates, or the stream's own state.</summary>
/// <param name="ReceivedAt">When the desk received it (the client's <see cref="TimeProvider"/>).</param>
public abstract record KalshiStreamMessage(DateTimeOffset ReceivedAt);
