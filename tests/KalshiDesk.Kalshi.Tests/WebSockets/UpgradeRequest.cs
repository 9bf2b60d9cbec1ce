namespace KalshiDesk.Kalshi.Tests.WebSockets;

/// <summary>The three KALSHI-ACCESS-* headers of one upgrade; empty strings when absent.</summary>
public sealed record UpgradeRequest(string KeyId, string Timestamp, string Signature);
