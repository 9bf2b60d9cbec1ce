using System.Net.WebSockets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// Kalshi's WebSocket API over a <see cref="SandboxExchange"/>: every connection's subscriptions, and after each change
/// of the world (announced under the exchange's lock) the book deltas, tickers, trades, fills and order updates for each.
/// </summary>
/// <remarks>
/// All state here is guarded by the exchange's lock: commands run under <see cref="SandboxExchange.Inspect"/> and changes
/// arrive in <see cref="SandboxExchange.Changed"/>, so a snapshot and the deltas after it can never interleave wrongly.
/// Nothing here waits on a client: frames go to each connection's queue, and a full queue drops the subscription.
/// </remarks>
internal sealed partial class SandboxStreamHub : IDisposable
{
    private readonly SandboxExchange _exchange;
    private readonly ILogger _logger;
    private readonly List<StreamConnection> _connections = [];
    private readonly BookTracker _books = new();
    private readonly Dictionary<string, Quantity> _lastTradeSize = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AccountOrder Order, OrderState State)> _openOrders = new(StringComparer.Ordinal);
    private Dictionary<string, TickerState>? _tickers;
    private int _tickerSubscriptions;
    private Trade? _lastTrade;
    private int _fillsSeen;
    private int _ordersSeen;
    private int _noticesSeen;

    public SandboxStreamHub(SandboxExchange exchange, SandboxStreamOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _exchange = exchange;
        Options = options;
        _logger = logger;
        exchange.Inspect(() =>
        {
            var trades = exchange.Tape.Trades;
            foreach (var trade in trades)
            {
                _lastTradeSize[trade.Ticker] = trade.Count;
            }

            _lastTrade = trades.Count > 0 ? trades[^1] : null;
            _fillsSeen = exchange.Account.Fills.Count;
            _ordersSeen = exchange.Account.Orders.Count;
            _noticesSeen = exchange.Notices.Count;
            foreach (var order in exchange.Account.RestingOrders)
            {
                _openOrders[order.OrderId] = (order, OrderState.Of(order));
            }

            exchange.Changed += OnChanged;
        });
    }

    public SandboxStreamOptions Options { get; }

    /// <summary>Live subscriptions over all connections (tests).</summary>
    public int SubscriptionCount
    {
        get
        {
            var count = 0;
            _exchange.Inspect(() => count = _connections.Sum(c => c.Subscriptions.Count));
            return count;
        }
    }

    /// <summary>Serves one accepted WebSocket until it closes.</summary>
    public async Task ServeAsync(WebSocket socket, CancellationToken aborted, CancellationToken stopping)
    {
        var connection = new StreamConnection(socket, Options.BufferCapacity);
        _exchange.Inspect(() => _connections.Add(connection));
        try
        {
            await connection.RunAsync(HandleFrame, aborted, stopping).ConfigureAwait(false);
        }
        finally
        {
            _exchange.Inspect(() => Disconnect(connection));
            StreamLog.ConnectionEnded(_logger, socket.CloseStatusDescription ?? socket.State.ToString());
        }
    }

    public void Dispose() => _exchange.Changed -= OnChanged;

    private void Disconnect(StreamConnection connection)
    {
        foreach (var subscription in connection.Subscriptions.Values.ToList())
        {
            Drop(connection, subscription);
        }

        _connections.Remove(connection);
    }

    /// <summary>Ends a subscription: nothing more is queued for it and its markets stop being tracked for it.</summary>
    private void Drop(StreamConnection connection, StreamSubscription subscription)
    {
        subscription.Active = false;
        connection.Subscriptions.Remove(subscription.Sid);
        if (subscription.IsOrderBook)
        {
            foreach (var ticker in subscription.Markets!)
            {
                _books.Release(ticker);
            }
        }
        else if (subscription.Channel == StreamChannel.Ticker && --_tickerSubscriptions == 0)
        {
            _tickers = null;
        }
    }

    // ---- Publishing (under the exchange's lock) ----

    private void OnChanged(DateTimeOffset now)
    {
        try
        {
            Publish(now);
        }
        catch (Exception ex)
        {
            // A stream bug must not fail the order or the tick that announced the change.
            StreamLog.PublishFailed(_logger, ex);
        }
    }

    private void Publish(DateTimeOffset now)
    {
        var trades = NewTrades();
        var fills = NewFills();
        var orders = ChangedOrders();
        var notices = NewNotices();
        if (_connections.Count == 0)
        {
            return;
        }

        var books = _books.Count > 0 ? _books.Diff() : null;
        var tickers = ChangedTickers(now);
        var tradeBodies = trades.Select(t => (t.Ticker, Body: (object)StreamMessages.Trade(t))).ToList();
        var fillBodies = FillBodies(fills);
        var orderBodies = orders.Select(o => (o.Market.Ticker, Body: (object)StreamMessages.UserOrder(o))).ToList();
        foreach (var connection in _connections)
        {
            foreach (var subscription in connection.Subscriptions.Values.ToList())
            {
                switch (subscription.Channel)
                {
                    case StreamChannel.OrderbookDelta when books is not null:
                        SendDeltas(connection, subscription, books, now);
                        break;
                    case StreamChannel.Ticker:
                        SendEach(connection, subscription, "ticker", tickers);
                        break;
                    case StreamChannel.Trade:
                        SendEach(connection, subscription, "trade", tradeBodies);
                        break;
                    case StreamChannel.Fill:
                        SendEach(connection, subscription, "fill", fillBodies);
                        break;
                    case StreamChannel.UserOrders:
                        SendEach(connection, subscription, "user_order", orderBodies);
                        break;
                    case StreamChannel.MarketLifecycle:
                        SendLifecycle(connection, subscription, notices);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private void SendDeltas(StreamConnection connection, StreamSubscription subscription, Dictionary<string, List<LevelChange>> books, DateTimeOffset now)
    {
        foreach (var ticker in subscription.Markets!)
        {
            if (!books.TryGetValue(ticker, out var changes))
            {
                continue;
            }

            foreach (var change in changes)
            {
                if (!Send(connection, subscription, "orderbook_delta", StreamMessages.Delta(ticker, change, subscription.UseYesPrice, now), sequenced: true))
                {
                    return;
                }
            }
        }
    }

    private void SendLifecycle(StreamConnection connection, StreamSubscription subscription, List<(string Type, Dictionary<string, object> Body)> notices)
    {
        foreach (var (type, body) in notices)
        {
            if (!Send(connection, subscription, type, body, sequenced: false))
            {
                return;
            }
        }
    }

    private List<(string Type, Dictionary<string, object> Body)> NewNotices()
    {
        var all = _exchange.Notices;
        var notices = new List<(string, Dictionary<string, object>)>(all.Count - _noticesSeen);
        for (var i = _noticesSeen; i < all.Count; i++)
        {
            notices.Add(StreamMessages.Lifecycle(all[i]));
        }

        _noticesSeen = all.Count;
        return notices;
    }

    private void SendEach(StreamConnection connection, StreamSubscription subscription, string type, List<(string Ticker, object Body)> messages)
    {
        foreach (var (ticker, body) in messages)
        {
            if (subscription.Covers(ticker) && !Send(connection, subscription, type, body, sequenced: false))
            {
                return;
            }
        }
    }

    /// <summary>Queues a channel message; on overflow the subscription is dropped with error 25 and false is returned.</summary>
    private bool Send(StreamConnection connection, StreamSubscription subscription, string type, object body, bool sequenced)
    {
        if (!subscription.Active)
        {
            return false;
        }

        var message = new OutboundMessage(type, null, subscription.Sid, sequenced ? subscription.NextSeq() : null, body, IsData: true);
        if (connection.TryEnqueueData(message))
        {
            return true;
        }

        Drop(connection, subscription);
        connection.Enqueue(OutboundMessage.Error(
            subscription.CommandId,
            new StreamFailure(StreamErrorCode.BufferOverflow, "Subscription buffer overflow"),
            subscription.Sid));
        StreamLog.Overflowed(_logger, subscription.Sid, Options.BufferCapacity);
        return false;
    }

    private List<Trade> NewTrades()
    {
        var tape = _exchange.Tape.Trades;
        var start = tape.Count;
        while (start > 0 && !ReferenceEquals(tape[start - 1], _lastTrade))
        {
            start--;
        }

        var trades = new List<Trade>(tape.Count - start);
        for (var i = start; i < tape.Count; i++)
        {
            trades.Add(tape[i]);
            _lastTradeSize[tape[i].Ticker] = tape[i].Count;
        }

        _lastTrade = tape.Count > 0 ? tape[^1] : null;
        return trades;
    }

    private List<AccountFill> NewFills()
    {
        var all = _exchange.Account.Fills;
        var fills = new List<AccountFill>(all.Count - _fillsSeen);
        for (var i = _fillsSeen; i < all.Count; i++)
        {
            fills.Add(all[i]);
        }

        _fillsSeen = all.Count;
        return fills;
    }

    /// <summary>Orders placed since the last change, and earlier ones whose status or counts moved; each once, oldest first.</summary>
    private List<AccountOrder> ChangedOrders()
    {
        var changed = new List<AccountOrder>();
        foreach (var (id, (order, state)) in _openOrders.ToList())
        {
            var now = OrderState.Of(order);
            if (now == state)
            {
                continue;
            }

            changed.Add(order);
            if (order.Status == OrderStatus.Resting)
            {
                _openOrders[id] = (order, now);
            }
            else
            {
                _openOrders.Remove(id);
            }
        }

        var all = _exchange.Account.Orders;
        for (var i = _ordersSeen; i < all.Count; i++)
        {
            var order = all[i];
            changed.Add(order);
            if (order.Status == OrderStatus.Resting)
            {
                _openOrders[order.OrderId] = (order, OrderState.Of(order));
            }
        }

        _ordersSeen = all.Count;
        changed.Sort((a, b) => a.CreatedTime.CompareTo(b.CreatedTime));
        return changed;
    }

    private List<(string Ticker, object Body)> ChangedTickers(DateTimeOffset now)
    {
        var changed = new List<(string, object)>();
        if (_tickers is null)
        {
            return changed;
        }

        foreach (var market in _exchange.World.Markets)
        {
            var state = TickerState.Of(market, _lastTradeSize.GetValueOrDefault(market.Ticker));
            if (!_tickers.TryGetValue(market.Ticker, out var published) || published != state)
            {
                _tickers[market.Ticker] = state;
                changed.Add((market.Ticker, StreamMessages.Ticker(market, state, now)));
            }
        }

        return changed;
    }

    /// <summary>Each fill with the position right after it, working back from the position now.</summary>
    private List<(string Ticker, object Body)> FillBodies(List<AccountFill> fills)
    {
        var bodies = new (string, object)[fills.Count];
        var position = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = fills.Count - 1; i >= 0; i--)
        {
            var fill = fills[i];
            var ticker = fill.Market.Ticker;
            if (!position.TryGetValue(ticker, out var after))
            {
                after = _exchange.Account.FindPosition(ticker)?.Contracts ?? 0m;
            }

            var clientOrderId = _exchange.Account.FindOrder(fill.OrderId)?.ClientOrderId;
            bodies[i] = (ticker, StreamMessages.Fill(fill, after, clientOrderId));
            position[ticker] = after - (fill.Outcome == Side.Yes ? fill.Count.Contracts : -fill.Count.Contracts);
        }

        return [.. bodies];
    }

    /// <summary>What a <c>user_order</c> message reports that can change after the order is placed.</summary>
    private readonly record struct OrderState(OrderStatus Status, Quantity FillCount, Quantity RemainingCount)
    {
        public static OrderState Of(AccountOrder order) => new(order.Status, order.FillCount, order.RemainingCount);
    }
}
