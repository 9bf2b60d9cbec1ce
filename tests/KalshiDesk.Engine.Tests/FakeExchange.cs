using System.Runtime.CompilerServices;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Engine.Tests;

/// <summary>An exchange a test controls: markets, books and series set directly; orders recorded.</summary>
internal sealed class FakeExchange : IKalshiClient
{
    public Dictionary<string, MarketSnapshot> Markets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OrderBook> Books { get; } = new(StringComparer.Ordinal);

    public List<OrderRequest> Orders { get; } = [];

    public Exception? Failure { get; set; }

    /// <summary>The clock market data is stamped with as it is read, as the real client stamps it on receipt (the harness sets it).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>How late market data arrives: a snapshot read now was observed this long ago.</summary>
    public TimeSpan DataLag { get; set; }

    /// <summary>What <c>GET /exchange/status</c> answers.</summary>
    public ExchangeStatus Status { get; set; } = new(true, true);

    /// <summary>Thrown by order creation only (the market data still answers).</summary>
    public Exception? OrderFailure { get; set; }

    public Task<ExchangeStatus> GetExchangeStatusAsync(CancellationToken ct = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Status);
    }

    public async IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ThrowIfFailing();
        foreach (var market in Markets.Values.ToList())
        {
            await Task.Yield();
            yield return Stamp(market);
        }
    }

    public async IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ThrowIfFailing();
        foreach (var market in Markets.Values.ToList())
        {
            await Task.Yield();
            if (filter.Tickers is not { Count: > 0 } tickers || tickers.Contains(market.Ticker))
            {
                yield return Stamp(market);
            }
        }
    }

    public Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Stamp(Markets[ticker]));
    }

    public Task<OrderBook> GetOrderBookAsync(string ticker, int depth = 0, CancellationToken ct = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Books.TryGetValue(ticker, out var book) ? book : OrderBook.Empty);
    }

    /// <summary>Series a test set; any other is a weather series on the general fee schedule.</summary>
    public Dictionary<string, SeriesInfo> Series { get; } = new(StringComparer.Ordinal);

    public Task<SeriesInfo> GetSeriesAsync(string seriesTicker, CancellationToken ct = default) =>
        Task.FromResult(Series.TryGetValue(seriesTicker, out var info) ? info : new SeriesInfo(seriesTicker, seriesTicker, "weather", FeeSchedule.Standard));

    /// <summary>The scheduled changes <c>GET /events/fee_changes</c> answers with.</summary>
    public List<EventFeeChange> EventFeeChanges { get; } = [];

    /// <summary>Thrown by <c>GET /events/fee_changes</c> only.</summary>
    public Exception? FeeChangesFailure { get; set; }

    public async IAsyncEnumerable<EventFeeChange> GetEventFeeChangesAsync(string? eventTicker = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ThrowIfFailing();
        if (FeeChangesFailure is not null)
        {
            throw FeeChangesFailure;
        }

        foreach (var change in EventFeeChanges.ToList())
        {
            await Task.Yield();
            yield return change;
        }
    }

    /// <summary>The events <c>GET /events</c> answers with (markets not nested).</summary>
    public List<EventInfo> Events { get; } = [];

    public async IAsyncEnumerable<EventInfo> GetEventsAsync(string? status = null, string? seriesTicker = null, bool withNestedMarkets = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ThrowIfFailing();
        foreach (var info in Events.ToList())
        {
            await Task.Yield();
            yield return info;
        }
    }

    public Task<OrderAck> CreateOrderAsync(OrderRequest order, CancellationToken ct = default)
    {
        Orders.Add(order);
        if (OrderFailure is not null)
        {
            throw OrderFailure;
        }

        // A post-only order rests untouched; anything else fills whole at its limit.
        if (order.PostOnly)
        {
            return Task.FromResult(new OrderAck("fake-" + order.ClientOrderId, order.ClientOrderId, Quantity.Zero, order.Count, null, null));
        }

        var yesPrice = order.Side == Side.Yes ? order.LimitPrice : order.LimitPrice.Complement;
        var fee = KalshiFeeModel.TakerFee(order.LimitPrice, order.Count, FeeSchedule.Standard).Dollars / order.Count.Contracts;
        return Task.FromResult(new OrderAck("fake-" + order.ClientOrderId, order.ClientOrderId, order.Count, Quantity.Zero, yesPrice, decimal.Round(fee, 4)));
    }

    public List<Quantity> OrderGroups { get; } = [];

    public Task<string> CreateOrderGroupAsync(Quantity contractsLimit, CancellationToken ct = default)
    {
        OrderGroups.Add(contractsLimit);
        return Task.FromResult($"og-{OrderGroups.Count}");
    }

    /// <summary>Sets a market and a book consistent with its quote: YES bids at the bid, NO bids at 1 − ask.</summary>
    public void Set(MarketSnapshot market, decimal depth = 500m)
    {
        Markets[market.Ticker] = market;
        Books[market.Ticker] = new OrderBook(
            market.YesBid is { } bid ? [new BookLevel(bid, Quantity.Of(depth))] : [],
            market.YesAsk is { } ask ? [new BookLevel(ask.Complement, Quantity.Of(depth))] : []);
    }

    private MarketSnapshot Stamp(MarketSnapshot market) =>
        Clock is null ? market : market with { ObservedAt = Clock.GetUtcNow() - DataLag };

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
