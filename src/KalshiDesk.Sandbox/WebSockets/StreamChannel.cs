namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>The channels the Sandbox serves (Kalshi's names, AsyncAPI 2026-08-04).</summary>
internal static class StreamChannel
{
    public const string OrderbookDelta = "orderbook_delta";
    public const string Ticker = "ticker";
    public const string Trade = "trade";
    public const string Fill = "fill";
    public const string UserOrders = "user_orders";

    /// <summary>All markets, no filter: <c>market_lifecycle_v2</c> as markets are created, open, are determined and settle, and <c>event_lifecycle</c> for new events.</summary>
    public const string MarketLifecycle = "market_lifecycle_v2";

    public static bool IsServed(string channel) =>
        channel is OrderbookDelta or Ticker or Trade or Fill or UserOrders or MarketLifecycle;
}
