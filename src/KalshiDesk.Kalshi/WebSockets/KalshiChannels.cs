namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>Kalshi's WebSocket channel names (AsyncAPI 2026-08-04).</summary>
public static class KalshiChannels
{
    /// <summary>Order book snapshot then deltas, sequenced per sid; needs market tickers.</summary>
    public const string OrderbookDelta = "orderbook_delta";

    public const string Ticker = "ticker";

    public const string Trade = "trade";

    /// <summary>The account's own fills (auth).</summary>
    public const string Fill = "fill";

    /// <summary>The account's own orders (auth).</summary>
    public const string UserOrders = "user_orders";

    public const string MarketPositions = "market_positions";

    /// <summary>Market lifecycle for all markets: market tickers are not supported.</summary>
    public const string MarketLifecycle = "market_lifecycle_v2";
}
