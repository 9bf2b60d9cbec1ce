namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>The client connected (<paramref name="Connected"/>) or lost the connection and is about to reconnect.</summary>
/// <param name="ConnectionNumber">1 for the first connection, 2 after the first reconnect, and so on.</param>
public sealed record ConnectionChanged(bool Connected, int ConnectionNumber, string? Reason, DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
