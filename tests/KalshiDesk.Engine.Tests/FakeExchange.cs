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

    /// <summary>Thrown by order creation only (the market data still answers).</summary>
    public Exception? OrderFailure { get; set; }

    public Task<ExchangeStatus> GetExchangeStatusAsync(CancellationToken ct = default) => Task.FromResult(new ExchangeStatus(true, true));

    public async IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ThrowIfFailing();
        foreach (var market in Markets.Values.ToList())
        {
            await Task.Yield();
            yield return market;
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
                yield return market;
            }
        }
    }

    public Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Markets[ticker]);
    }

    public Task<OrderBook> GetOrderBookAsync(string ticker, int depth = 0, CancellationToken ct = default)
    {
        ThrowIfFailing();
        return Task.FromResult(Books.TryGetValue(ticker, out var book) ? book : OrderBook.Empty);
    }

    public Task<SeriesInfo> GetSeriesAsync(string seriesTicker, CancellationToken ct = default) =>
        Task.FromResult(new SeriesInfo(seriesTicker, seriesTicker, "weather", FeeSchedule.Standard));

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

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
