namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A market's local book was dropped (sequence gap, corrupt delta, lost connection); it is not served until a new snapshot.</summary>
public sealed record BookInvalidated(string MarketTicker, string Reason, DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
