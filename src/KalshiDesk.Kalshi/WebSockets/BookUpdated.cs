using KalshiDesk.Domain.Markets;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A market's local book changed (a snapshot or a delta was applied); <paramref name="Book"/> is the book after it.</summary>
public sealed record BookUpdated(
    long Sid,
    long Seq,
    string MarketTicker,
    bool FromSnapshot,
    OrderBook Book,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
