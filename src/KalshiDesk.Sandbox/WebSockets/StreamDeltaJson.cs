namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>An <c>orderbook_delta</c> body: the signed change of one level.</summary>
/// <param name="Ts">RFC 3339 (deprecated by Kalshi in favour of <paramref name="TsMs"/>, still sent).</param>
internal sealed record StreamDeltaJson(string MarketTicker, string MarketId, string PriceDollars, string DeltaFp, string Side, string Ts, long TsMs);
