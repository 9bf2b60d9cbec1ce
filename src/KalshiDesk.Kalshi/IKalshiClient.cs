using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

/// <summary>The Kalshi Trade API v2, in Domain types. Kalshi itself and the built-in Sandbox both answer it.</summary>
public interface IKalshiClient
{
    Task<ExchangeStatus> GetExchangeStatusAsync(CancellationToken ct = default);

    /// <summary>Every market matching <paramref name="query"/>, following the cursor page by page.</summary>
    IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketQuery query, CancellationToken ct = default);

    /// <summary>Every market matching every filter of <c>GET /markets</c> (status, tickers, times, …), page by page.</summary>
    IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketFilter filter, CancellationToken ct = default);

    Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default);

    /// <param name="depth">Levels per side, 0 for all.</param>
    Task<OrderBook> GetOrderBookAsync(string ticker, int depth = 0, CancellationToken ct = default);

    Task<SeriesInfo> GetSeriesAsync(string seriesTicker, CancellationToken ct = default);

    /// <summary>Every (non-multivariate) event matching the filters, page by page: <c>GET /events</c>.</summary>
    /// <param name="status">unopened, open, closed or settled; null for any.</param>
    IAsyncEnumerable<EventInfo> GetEventsAsync(string? status = null, string? seriesTicker = null, bool withNestedMarkets = false, CancellationToken ct = default);

    /// <summary>Scheduled event fee overrides, page by page: <c>GET /events/fee_changes</c>.</summary>
    IAsyncEnumerable<EventFeeChange> GetEventFeeChangesAsync(string? eventTicker = null, CancellationToken ct = default);

    /// <summary>Creates an order through the V2 endpoint <c>POST /portfolio/events/orders</c>.</summary>
    Task<OrderAck> CreateOrderAsync(OrderRequest order, CancellationToken ct = default);

    /// <summary>Creates an order group: once its orders match <paramref name="contractsLimit"/> contracts in 15 s, Kalshi cancels them all.</summary>
    /// <returns>The group's id.</returns>
    Task<string> CreateOrderGroupAsync(Quantity contractsLimit, CancellationToken ct = default);
}
