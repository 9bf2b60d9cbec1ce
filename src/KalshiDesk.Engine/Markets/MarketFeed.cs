using System.Net;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Markets;

/// <summary>
/// Snapshots of every open market, with each series' category and fee schedule attached: the catalog from REST,
/// quotes from the WebSocket stream while it is live (REST's own otherwise), and books likewise (<see cref="GetOrderBookAsync"/>).
/// </summary>
public sealed partial class MarketFeed(IKalshiClient client, SeriesCache series, MarketStream stream, EventCatalog events, ILogger<MarketFeed> logger)
{
    public async Task<IReadOnlyList<MarketSnapshot>> GetOpenMarketsAsync(CancellationToken ct = default)
    {
        var markets = new List<MarketSnapshot>();
        await foreach (var market in client.GetMarketsAsync(new MarketQuery("open"), ct).ConfigureAwait(false))
        {
            markets.Add(market);
        }

        var result = new List<MarketSnapshot>(markets.Count);
        foreach (var market in markets)
        {
            var info = await SeriesAsync(market.SeriesTicker, ct).ConfigureAwait(false);
            result.Add(stream.Freshen(market with { Category = info.Category, Fees = info.Fees }));
        }

        await RefreshEventsAsync(result, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>Event tickers known to be mutually exclusive, as of the last sweep of open events.</summary>
    public IReadOnlySet<string> MutuallyExclusiveEvents => events.MutuallyExclusive;

    /// <summary>The market's book when the stream keeps it (no I/O), else null.</summary>
    public OrderBook? LiveBook(string ticker) => stream.TryGetBook(ticker, out var book) ? book : null;

    /// <summary>One market now, with its series' category and fees.</summary>
    public async Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        var market = await client.GetMarketAsync(ticker, ct).ConfigureAwait(false);
        var info = await SeriesAsync(market.SeriesTicker, ct).ConfigureAwait(false);
        return stream.Freshen(market with { Category = info.Category, Fees = info.Fees });
    }

    /// <summary>The market's book from the stream when it keeps it, else from REST.</summary>
    public async Task<OrderBook> GetOrderBookAsync(string ticker, CancellationToken ct = default) =>
        stream.TryGetBook(ticker, out var book) ? book : await client.GetOrderBookAsync(ticker, 0, ct).ConfigureAwait(false);

    /// <summary>Asks the stream to keep these markets' books from now on.</summary>
    public Task WatchAsync(IEnumerable<string> tickers, CancellationToken ct = default) => stream.WatchBooksAsync(tickers, ct);

    private async Task RefreshEventsAsync(List<MarketSnapshot> markets, CancellationToken ct)
    {
        if (!events.NeedsRefresh(markets.Select(m => m.EventTicker)))
        {
            return;
        }

        var seen = new List<(string, bool)>();
        try
        {
            await foreach (var info in client.GetEventsAsync("open", ct: ct).ConfigureAwait(false))
            {
                seen.Add((info.EventTicker, info.MutuallyExclusive));
            }
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException)
        {
            // Exclusivity only sharpens the event-consistency model; without it the desk still trades.
            LogEventsUnavailable(logger, ex);
            events.KeepAfterFailure();
            return;
        }

        events.Replace(seen);
    }

    private async Task<SeriesInfo> SeriesAsync(string ticker, CancellationToken ct)
    {
        if (series.TryGet(ticker, out var cached))
        {
            return cached;
        }

        SeriesInfo info;
        try
        {
            info = await client.GetSeriesAsync(ticker, ct).ConfigureAwait(false);
        }
        catch (KalshiApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // An unknown series trades under the general schedule (fee_type quadratic, multiplier 1).
            info = new SeriesInfo(ticker, ticker, string.Empty, FeeSchedule.Standard);
        }

        series.Set(info);
        return info;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the open events; event exclusivity stays as last known")]
    private static partial void LogEventsUnavailable(ILogger logger, Exception ex);
}
