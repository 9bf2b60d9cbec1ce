namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>A frame the client could not use (bad JSON, a missing or out-of-range field); the connection carries on.</summary>
/// <param name="Text">The frame, cut to 2,000 characters.</param>
public sealed record MalformedFrame(string Text, string Problem, DateTimeOffset ReceivedAt) : KalshiStreamMessage(ReceivedAt);
