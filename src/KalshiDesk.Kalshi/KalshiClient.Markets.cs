using System.Runtime.CompilerServices;
using System.Text;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>Kalshi's limit of tickers in one batch order-book or candlestick request.</summary>
    public const int MaxTickersPerBatch = 100;

    /// <summary>Every market matching <paramref name="filter"/> (all of <c>GET /markets</c>' filters), page by page.</summary>
    public IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter.PageSize, "Kalshi pages hold 1 to 1000 markets.");
        }

        // Kalshi takes one timestamp family at a time; say so here rather than as a 400 later.
        var families = ((filter.MinCreatedTime ?? filter.MaxCreatedTime) is not null ? 1 : 0)
            + ((filter.MinCloseTime ?? filter.MaxCloseTime) is not null ? 1 : 0)
            + ((filter.MinSettledTime ?? filter.MaxSettledTime) is not null ? 1 : 0)
            + (filter.MinUpdatedTime is not null ? 1 : 0);
        if (families > 1)
        {
            throw new ArgumentException("Kalshi accepts one timestamp family at a time: created, close, settled or updated.", nameof(filter));
        }

        return MarketPagesAsync("markets", filter, ct);
    }

    /// <summary>Order books of up to <see cref="MaxTickersPerBatch"/> markets: <c>GET /markets/orderbooks</c>, keyed by ticker.</summary>
    public async Task<IReadOnlyDictionary<string, OrderBook>> GetOrderBooksAsync(IReadOnlyList<string> tickers, CancellationToken ct = default)
    {
        CheckBatch(tickers, nameof(tickers));

        // The parameter is repeated (tickers=A&tickers=B); a comma-joined list returns one book.
        var path = new StringBuilder("markets/orderbooks");
        for (var i = 0; i < tickers.Count; i++)
        {
            path.Append(i == 0 ? '?' : '&').Append("tickers=").Append(Uri.EscapeDataString(tickers[i]));
        }

        var dto = await GetAsync<OrderBooksDto>(path.ToString(), ct).ConfigureAwait(false);
        var books = new Dictionary<string, OrderBook>(StringComparer.Ordinal);
        foreach (var item in dto.Orderbooks ?? [])
        {
            var ticker = item.Ticker is { Length: > 0 } t ? t : throw new KalshiDataException("orderbooks.ticker", null, "is missing");
            books[ticker] = KalshiJson.ToOrderBook(item.OrderbookFp, ticker);
        }

        return books;
    }

    /// <summary>The public tape, newest first, page by page: <c>GET /markets/trades</c>.</summary>
    /// <param name="from">Trades after this time (sent as Unix seconds).</param>
    /// <param name="to">Trades before this time (sent as Unix seconds).</param>
    public IAsyncEnumerable<PublicTrade> GetTradesAsync(string? ticker = null, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken ct = default) =>
        TradePagesAsync("markets/trades", ticker, from, to, ct);

    private async IAsyncEnumerable<MarketSnapshot> MarketPagesAsync(string path, MarketFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var pages = PagesAsync<MarketsPageDto>(
            cursor => Query(
                path,
                ("limit", Invariant(filter.PageSize)),
                ("status", filter.Status),
                ("event_ticker", filter.EventTicker),
                ("series_ticker", filter.SeriesTicker),
                ("tickers", filter.Tickers is { Count: > 0 } list ? string.Join(',', list) : null),
                ("min_created_ts", UnixSeconds(filter.MinCreatedTime)),
                ("max_created_ts", UnixSeconds(filter.MaxCreatedTime)),
                ("min_close_ts", UnixSeconds(filter.MinCloseTime)),
                ("max_close_ts", UnixSeconds(filter.MaxCloseTime)),
                ("min_settled_ts", UnixSeconds(filter.MinSettledTime)),
                ("max_settled_ts", UnixSeconds(filter.MaxSettledTime)),
                ("min_updated_ts", UnixSeconds(filter.MinUpdatedTime)),
                ("mve_filter", filter.Multivariate switch
                {
                    MultivariateFilter.Only => "only",
                    MultivariateFilter.Exclude => "exclude",
                    _ => null,
                }),
                ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var observedAt = time.GetUtcNow();
            foreach (var market in page.Markets ?? [])
            {
                yield return KalshiJson.ToSnapshot(market, observedAt);
            }
        }
    }

    private async IAsyncEnumerable<PublicTrade> TradePagesAsync(string path, string? ticker, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken ct)
    {
        var pages = PagesAsync<TradesPageDto>(
            cursor => Query(path, ("limit", "1000"), ("ticker", ticker), ("min_ts", UnixSeconds(from)), ("max_ts", UnixSeconds(to)), ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var trade in page.Trades ?? [])
            {
                yield return KalshiJson.ToTrade(trade);
            }
        }
    }

    private static void CheckBatch(IReadOnlyList<string> tickers, string name)
    {
        ArgumentNullException.ThrowIfNull(tickers, name);
        if (tickers.Count is < 1 or > MaxTickersPerBatch)
        {
            throw new ArgumentOutOfRangeException(name, tickers.Count, $"Kalshi takes 1 to {MaxTickersPerBatch} tickers per batch request.");
        }

        foreach (var ticker in tickers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ticker, name);
        }
    }
}
