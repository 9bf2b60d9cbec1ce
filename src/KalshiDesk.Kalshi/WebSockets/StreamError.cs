namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>An <c>error</c> message from Kalshi (codes in NOTES §4.2).</summary>
/// <param name="CommandId">The <c>id</c> of the command it answers, when it answers one.</param>
/// <param name="Sid">The subscription it concerns, when the client could tell.</param>
/// <param name="Resubscribing">True when the code is terminal (10, 17, 25) and the client is resubscribing.</param>
public sealed record StreamError(
    int? CommandId,
    int Code,
    string Message,
    long? Sid,
    string? MarketTicker,
    bool Resubscribing,
    DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
