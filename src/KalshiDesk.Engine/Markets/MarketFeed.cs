using System.Net;
using KalshiDesk.Domain.Execution;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Markets;

/// <summary>
/// Snapshots of every open market, with each series' category and fees attached: the catalog from REST,
/// quotes from the WebSocket stream while it is live (REST's own otherwise), and books likewise (<see cref="GetOrderBookAsync"/>).
/// A market's fees are its series' schedule, replaced by its event's override when the event has one, and rounded as
/// <c>Trading:FeeRounding</c> says.
/// </summary>
public sealed partial class MarketFeed(
    IKalshiClient client,
    SeriesCache series,
    MarketStream stream,
    EventCatalog events,
    IRecentTrades trades,
    IOptions<TradingOptions> options,
    ILogger<MarketFeed> logger)
{
    /// <summary>How far back the tape is read for the flow a resting bid can expect (all the tape keeps).</summary>
    public static readonly TimeSpan FlowWindow = TradeTape.Retention;

    public async Task<IReadOnlyList<MarketSnapshot>> GetOpenMarketsAsync(CancellationToken ct = default)
    {
        var markets = new List<MarketSnapshot>();
        await foreach (var market in client.GetMarketsAsync(new MarketQuery("open"), ct).ConfigureAwait(false))
        {
            markets.Add(market);
        }

        // Events first: their fee overrides decide the markets' fees.
        await RefreshEventsAsync(markets, ct).ConfigureAwait(false);
        var result = new List<MarketSnapshot>(markets.Count);
        foreach (var market in markets)
        {
            result.Add(await AttachAsync(market, ct).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>Event tickers known to be mutually exclusive, as of the last sweep of open events.</summary>
    public IReadOnlySet<string> MutuallyExclusiveEvents => events.MutuallyExclusive;

    /// <summary>The market's book when the stream keeps it (no I/O), else null.</summary>
    public OrderBook? LiveBook(string ticker) => stream.TryGetBook(ticker, out var book) ? book : null;

    /// <summary>One market now, with its series' category and its fees.</summary>
    public async Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        var market = await client.GetMarketAsync(ticker, ct).ConfigureAwait(false);
        return await AttachAsync(market, ct).ConfigureAwait(false);
    }

    /// <summary>The market's book from the stream when it keeps it, else from REST.</summary>
    public async Task<OrderBook> GetOrderBookAsync(string ticker, CancellationToken ct = default) =>
        stream.TryGetBook(ticker, out var book) ? book : await client.GetOrderBookAsync(ticker, 0, ct).ConfigureAwait(false);

    /// <summary>Asks the stream to keep these markets' books from now on.</summary>
    public Task WatchAsync(IEnumerable<string> tickers, CancellationToken ct = default) => stream.WatchBooksAsync(tickers, ct);

    /// <summary>
    /// The flow a bid resting on <paramref name="ticker"/> can expect, from the tape of the last <see cref="FlowWindow"/>
    /// (no I/O): contracts sold into each side's bids, over the life of a maker order (<c>Trading:MakerOrderLifetime</c>).
    /// A tape that started recently undercounts the flow, which only makes resting look less attractive.
    /// </summary>
    public RestingFlow FlowFor(string ticker, DateTimeOffset now)
    {
        var yesBidsHit = 0m;
        var noBidsHit = 0m;
        foreach (var trade in trades.Between(ticker, now - FlowWindow, now))
        {
            // A taker buying NO sold YES into the YES bids; a taker buying YES took the NO bids.
            if (trade.TakerSide == Side.No)
            {
                yesBidsHit += trade.Count.Contracts;
            }
            else
            {
                noBidsHit += trade.Count.Contracts;
            }
        }

        return new RestingFlow(Quantity.Of(yesBidsHit), Quantity.Of(noBidsHit), FlowWindow, options.Value.MakerOrderLifetime);
    }

    private async Task<MarketSnapshot> AttachAsync(MarketSnapshot market, CancellationToken ct)
    {
        var info = await SeriesAsync(market.SeriesTicker, ct).ConfigureAwait(false);
        var fees = series.FeesFor(market.EventTicker, info.Fees) with { Rounding = options.Value.FeeRounding };
        return stream.Freshen(market with { Category = info.Category, Fees = fees });
    }

    private async Task RefreshEventsAsync(List<MarketSnapshot> markets, CancellationToken ct)
    {
        if (!events.NeedsRefresh(markets.Select(m => m.EventTicker)))
        {
            return;
        }

        var seen = new List<(string, bool)>();
        var overrides = new List<(string, FeeSchedule?)>();
        try
        {
            await foreach (var info in client.GetEventsAsync("open", ct: ct).ConfigureAwait(false))
            {
                seen.Add((info.EventTicker, info.MutuallyExclusive));
                overrides.Add((info.EventTicker, info.FeeOverride));
            }
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException)
        {
            // Exclusivity only sharpens the event-consistency model, and overrides stay as last known; the desk still trades.
            LogEventsUnavailable(logger, ex);
            events.KeepAfterFailure();
            return;
        }

        events.Replace(seen);
        series.SetEventOverrides(overrides);
        await RefreshScheduledOverridesAsync(ct).ConfigureAwait(false);
    }

    private async Task RefreshScheduledOverridesAsync(CancellationToken ct)
    {
        var changes = new List<EventFeeChange>();
        try
        {
            await foreach (var change in client.GetEventFeeChangesAsync(ct: ct).ConfigureAwait(false))
            {
                changes.Add(change);
            }
        }
        catch (KalshiApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // An exchange without the endpoint (the Sandbox) schedules no fee changes.
        }
        catch (Exception ex) when (ex is KalshiApiException or KalshiDataException or HttpRequestException)
        {
            // The overrides the sweep found stay in force; a scheduled change is picked up by the next sweep.
            LogFeeChangesUnavailable(logger, ex);
            return;
        }

        series.SetScheduledOverrides(changes);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the open events; event exclusivity and fee overrides stay as last known")]
    private static partial void LogEventsUnavailable(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the scheduled event fee changes; the overrides in force stay as swept")]
    private static partial void LogFeeChangesUnavailable(ILogger logger, Exception ex);
}
