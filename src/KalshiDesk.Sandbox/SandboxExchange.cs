using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Api;
using KalshiDesk.Sandbox.Matching;
using KalshiDesk.Sandbox.Wire;
using KalshiDesk.Sandbox.World;
using KalshiDesk.Sandbox.World.Replay;
using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox;

/// <summary>
/// The in-memory exchange: a seeded world of markets, their books, the matching engine and the one demo account.
/// Thread-safe: every read and write takes one lock, so the API always sees one consistent moment.
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SandboxWorld _world;
    private readonly DemoAccount _account;
    private readonly TradeTape _tape = new();
    private readonly Dictionary<string, decimal> _orderGroups = new(StringComparer.Ordinal);
    private readonly MatchingEngine _engine;
    private readonly decimal _openingCash;

    /// <summary>Builds the world described by <paramref name="options"/> as of <paramref name="time"/>'s now, books quoted.</summary>
    public SandboxExchange(SandboxOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _time = time ?? TimeProvider.System;
        var now = _time.GetUtcNow();
        _world = string.IsNullOrEmpty(options.ReplayPath)
            ? WorldGenerator.Create(options.Markets, options.Seed, now)
            : ReplayWorld.Create(Recording.Load(options.ReplayPath), options.ReplaySpeed, options.Seed, now);
        _account = new DemoAccount(options.StartingBalanceDollars, now);
        _openingCash = options.StartingBalanceDollars;
        _engine = new MatchingEngine(_account, new SimulatedTraders(), _tape);
        _world.Open(_engine, now);
        ScheduleAll();
        AdvanceLifecycle(now);
    }

    /// <summary>Every market's ticker, in the order <c>GET /markets</c> pages them (settled ones included; new ones appear as events are replaced).</summary>
    public IReadOnlyList<string> Tickers
    {
        get
        {
            lock (_gate)
            {
                return [.. _world.Markets.Select(m => m.Ticker)];
            }
        }
    }

    /// <summary>How many times the world has moved.</summary>
    public long TickCount
    {
        get
        {
            lock (_gate)
            {
                return _world.Ticks;
            }
        }
    }

    /// <summary>Advances the world one step: truths move, makers requote around their lagging centres, informed traders print.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            AdvanceLifecycle(now);
            ExpireOrdersQuietly(now);
            _world.Tick(_engine, now);
            Announce(now);
        }
    }

    /// <summary>
    /// Raised under the exchange's lock after anything that can move a book, print a trade or touch the demo account
    /// (a tick, an order, a cancel, an expiry), with the time of the change. Handlers must not block or throw: they run
    /// inside the world's one lock, so the WebSocket stream sees every change in order and never between two.
    /// </summary>
    internal event Action<DateTimeOffset>? Changed;

    /// <summary>The demo account; read it only under <see cref="Inspect"/> or inside <see cref="Changed"/>.</summary>
    internal DemoAccount Account => _account;

    /// <summary>The public tape; read it only under <see cref="Inspect"/> or inside <see cref="Changed"/>.</summary>
    internal TradeTape Tape => _tape;

    /// <summary>Runs <paramref name="action"/> under the exchange's lock: no change can happen, or be announced, meanwhile.</summary>
    internal void Inspect(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            action();
        }
    }

    internal SandboxWorld World => _world;

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Records an order group with its contracts limit and returns its id.</summary>
    internal string CreateOrderGroup(decimal contractsLimit)
    {
        lock (_gate)
        {
            var id = $"og-{_orderGroups.Count + 1:D6}";
            _orderGroups[id] = contractsLimit;
            return id;
        }
    }

    /// <summary>The contracts limit of an order group, or null when there is no such group.</summary>
    internal decimal? OrderGroupLimit(string id)
    {
        lock (_gate)
        {
            return _orderGroups.TryGetValue(id, out var limit) ? limit : null;
        }
    }

    /// <summary>The demo account's available cash in dollars (tests; the API reads it through <see cref="GetBalance"/>).</summary>
    internal decimal CashDollars
    {
        get
        {
            lock (_gate)
            {
                return _account.Cash;
            }
        }
    }

    /// <summary>Cash plus what resting orders hold back: never less than zero.</summary>
    internal decimal CashAndReservesDollars
    {
        get
        {
            lock (_gate)
            {
                return _account.Cash + _account.RestingOrders.Sum(o => o.ReservedCost + o.ReservedFee);
            }
        }
    }

    /// <summary>Markets whose last trade is ≥ 8¢ from the mid of a ≤ 4¢ quote.</summary>
    internal IReadOnlyList<string> LaggedTickers()
    {
        lock (_gate)
        {
            return [.. _world.Markets.Where(m => m.IsLagged).Select(m => m.Ticker)];
        }
    }

    internal MarketPage GetMarkets(MarketFilter filter, string? after, int limit)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            var markets = _world.Markets;
            var start = 0;
            if (after is not null)
            {
                start = BinarySearchAfter(markets, after);
            }

            var page = new List<MarketJson>(Math.Min(limit, markets.Count));
            string? last = null;
            var more = false;
            for (var i = start; i < markets.Count; i++)
            {
                var market = markets[i];
                if (!filter.Matches(market))
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    more = true;
                    break;
                }

                page.Add(WireMapper.Market(market));
                last = market.Ticker;
            }

            return new MarketPage(page, more ? last : null);
        }
    }

    internal MarketJson? GetMarket(string ticker)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            return _world.FindMarket(ticker) is { } market ? WireMapper.Market(market) : null;
        }
    }

    internal OrderbookJson? GetOrderbook(string ticker, int depth)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            return _world.FindMarket(ticker) is { } market ? WireMapper.Orderbook(market.Book, depth) : null;
        }
    }

    internal IReadOnlyList<TradeJson> GetTrades(string? ticker, int skip, int take, out bool more)
    {
        lock (_gate)
        {
            var newestFirst = _tape.Trades.Reverse().Where(t => ticker is null || t.Ticker == ticker).Skip(skip).Take(take + 1).ToList();
            more = newestFirst.Count > take;
            return [.. newestFirst.Take(take).Select(WireMapper.Trade)];
        }
    }

    internal SeriesJson? GetSeries(string seriesTicker)
    {
        lock (_gate)
        {
            return _world.FindSeries(seriesTicker) is { } series ? DescribeSeries(series) : null;
        }
    }

    internal IReadOnlyList<SeriesJson> GetSeriesList(string? category)
    {
        lock (_gate)
        {
            return [.. _world.SeriesList.Where(s => category is null || string.Equals(s.Category, category, StringComparison.OrdinalIgnoreCase)).Select(DescribeSeries)];
        }
    }

    internal (EventJson Event, IReadOnlyList<MarketJson> Markets)? GetEvent(string eventTicker, bool nestMarkets)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            if (_world.FindEvent(eventTicker) is not { } found)
            {
                return null;
            }

            return (WireMapper.Event(found, nestMarkets), [.. found.Markets.Select(WireMapper.Market)]);
        }
    }

    internal (IReadOnlyList<EventJson> Events, string? Last) GetEvents(MarketFilter filter, string? after, int limit, bool nestMarkets)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            var matching = _world.Events
                .Where(e => after is null || string.CompareOrdinal(e.EventTicker, after) > 0)
                .Where(e => filter.SeriesTicker is null || e.Series.Ticker == filter.SeriesTicker)
                .Where(e => filter.Statuses is null || e.Markets.Any(m => filter.Statuses.Contains(m.Status)))
                .Take(limit + 1)
                .ToList();
            var more = matching.Count > limit;
            var page = matching.Take(limit).ToList();
            return ([.. page.Select(e => WireMapper.Event(e, nestMarkets))], more ? page[^1].EventTicker : null);
        }
    }

    /// <summary>Places an order for the demo account: validates it against the market and the cash, matches it, rests or cancels the rest.</summary>
    internal OrderOutcome PlaceOrder(OrderCommand command)
    {
        lock (_gate)
        {
            try
            {
                return PlaceOrderUnannounced(command);
            }
            finally
            {
                Announce(_time.GetUtcNow());
            }
        }
    }

    private OrderOutcome PlaceOrderUnannounced(OrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            AdvanceLifecycle(now);
            ExpireOrdersQuietly(now);
            if (_world.FindMarket(command.Ticker) is not { } market)
            {
                return OrderOutcome.Rejected(ApiError.NotFound($"market {command.Ticker}"));
            }

            if (command.ClientOrderId is { Length: > 0 } clientOrderId && _account.HasClientOrderId(clientOrderId))
            {
                return OrderOutcome.Rejected(new ApiError(StatusCodes.Status409Conflict, "order_already_exists", $"an order with client_order_id {clientOrderId} already exists", "client_order_id"));
            }

            if (!market.IsTrading)
            {
                return OrderOutcome.Rejected(new ApiError(StatusCodes.Status409Conflict, "market_closed", $"market {market.Ticker} is {WireMapper.StatusName(market.Status)}, not open for trading"));
            }

            var count = command.Count;
            if (!market.FractionalTrading && decimal.Truncate(count.Contracts) != count.Contracts)
            {
                return OrderOutcome.Rejected(ApiError.InvalidParameter("count", $"{market.Ticker} trades whole contracts only"));
            }

            if (command.ReduceOnly)
            {
                var reducible = _account.OppositeHolding(market, command.Outcome);
                if (reducible == 0m)
                {
                    return OrderOutcome.Rejected(ApiError.InvalidParameter("reduce_only", "there is no position for this order to reduce"));
                }

                count = Quantity.Min(count, Quantity.Of(reducible));
            }

            var outcome = command.Outcome;
            var limit = outcome == Side.Yes ? command.YesPrice : command.YesPrice.Complement;
            var plan = MatchingEngine.Plan(market.Book, Trader.Account, outcome, limit, count, market.Fees, command.SelfTradePrevention);
            if (command.PostOnly && (plan.Executions.Count > 0 || plan.SelfTradeCancels.Count > 0 || plan.StoppedBySelfTrade))
            {
                return OrderOutcome.Rejected(new ApiError(StatusCodes.Status400BadRequest, "post_only_cross", "a post_only order would take liquidity", "post_only"));
            }

            var killed = command.TimeInForce == TimeInForce.FillOrKill && plan.Filled < count;
            var left = count - plan.Filled;
            var rests = command.TimeInForce == TimeInForce.GoodTillCanceled && !plan.StoppedBySelfTrade && !left.IsZero;
            if (!killed)
            {
                // Netting against the other outcome returns $1 a pair at once, so it counts toward what the order needs.
                var fee = new Money(plan.RawTakerFee).CeilingToCent().Dollars;
                var reserve = rests ? (left.Contracts * limit.Dollars) + KalshiFeeModel.MakerFee(limit, left, market.Fees).Dollars : 0m;
                var netted = Math.Min(plan.Filled.Contracts, _account.OppositeHolding(market, outcome));
                var needed = plan.Cost + fee + reserve - netted;
                if (needed > _account.Cash)
                {
                    return OrderOutcome.Rejected(new ApiError(
                        StatusCodes.Status400BadRequest,
                        "insufficient_balance",
                        $"the order needs ${SandboxJson.Dollars(needed)} and the balance is ${SandboxJson.Dollars(_account.Cash)}"));
                }
            }

            var order = new AccountOrder
            {
                OrderId = Guid.NewGuid().ToString(),
                ClientOrderId = command.ClientOrderId ?? string.Empty,
                Market = market,
                Outcome = outcome,
                YesPrice = command.YesPrice,
                InitialCount = count,
                TimeInForce = command.TimeInForce,
                SelfTradePrevention = command.SelfTradePrevention,
                CreatedTime = now,
                LastUpdateTime = now,
                ExpirationTime = command.ExpirationTime,
                CancelOrderOnPause = command.CancelOrderOnPause,
                OrderGroupId = command.OrderGroupId,
            };
            _account.Register(order);
            if (killed)
            {
                order.Status = OrderStatus.Canceled;
                return new OrderOutcome { Order = order, Filled = Quantity.Zero, At = now };
            }

            _engine.Execute(market, Trader.Account, outcome, plan, order, now);
            if (rests)
            {
                order.RemainingCount = left;
                order.Resting = _engine.Rest(market, Trader.Account, outcome, limit, left, order);
                _account.Reserve(order, now);
            }
            else
            {
                order.Status = plan.Filled == count ? OrderStatus.Executed : OrderStatus.Canceled;
            }

            decimal? averageYes = null;
            decimal? averageFee = null;
            if (!plan.Filled.IsZero)
            {
                var averagePaid = order.TakerFillCost / plan.Filled.Contracts;
                averageYes = outcome == Side.Yes ? averagePaid : 1m - averagePaid;
                averageFee = order.TakerFees / plan.Filled.Contracts;
            }

            return new OrderOutcome { Order = order, Filled = plan.Filled, AverageYesPrice = averageYes, AverageFee = averageFee, At = now };
        }
    }

    /// <summary>Cancels a resting order and returns what it held; null when there is no such resting order.</summary>
    internal (OrderJson Order, Quantity ReducedBy, DateTimeOffset At)? CancelOrder(string orderId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Advance(now);
            if (_account.FindOrder(orderId) is not { Status: OrderStatus.Resting } order)
            {
                return null;
            }

            var reduced = order.RemainingCount;
            Cancel(order, now);
            Announce(now);
            return (WireMapper.Order(order), reduced, now);
        }
    }

    internal OrderJson? GetOrder(string orderId)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            return _account.FindOrder(orderId) is { } order ? WireMapper.Order(order) : null;
        }
    }

    /// <summary>The account's orders, newest first.</summary>
    internal IReadOnlyList<OrderJson> GetOrders(string? ticker, string? eventTicker, string? status)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            var events = eventTicker?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return [.. _account.Orders.Reverse()
                .Where(o => ticker is null || o.Market.Ticker == ticker)
                .Where(o => events is null || events.Contains(o.Market.Event.EventTicker, StringComparer.Ordinal))
                .Select(WireMapper.Order)
                .Where(o => status is null || o.Status == status)];
        }
    }

    /// <summary>The account's fills, newest first.</summary>
    internal IReadOnlyList<FillJson> GetFills(string? ticker, string? orderId)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            return [.. _account.Fills.Reverse()
                .Where(f => ticker is null || f.Market.Ticker == ticker)
                .Where(f => orderId is null || f.OrderId == orderId)
                .Select(WireMapper.Fill)];
        }
    }

    internal (IReadOnlyList<MarketPositionJson> Markets, IReadOnlyList<EventPositionJson> Events) GetPositions(string? ticker, string? eventTicker, bool openOnly)
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            var positions = _account.Positions
                .Where(p => ticker is null || p.Market.Ticker == ticker)
                .Where(p => eventTicker is null || p.Market.Event.EventTicker == eventTicker)
                .Where(p => !openOnly || p.Contracts != 0m)
                .OrderBy(p => p.Market.Ticker, StringComparer.Ordinal)
                .ToList();
            var resting = _account.RestingOrders.GroupBy(o => o.Market.Ticker, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var markets = positions.Select(p => WireMapper.Position(p, resting.GetValueOrDefault(p.Market.Ticker))).ToList();
            var events = positions
                .GroupBy(p => p.Market.Event.EventTicker, StringComparer.Ordinal)
                .Select(g => WireMapper.EventPosition(g.Key, [.. g]))
                .ToList();
            return (markets, events);
        }
    }

    /// <summary>
    /// Cash available (Kalshi's <c>balance</c>, in cents, rounded down) and the positions marked to the quote mid,
    /// or the last trade where a side is empty.
    /// </summary>
    internal BalanceJson GetBalance()
    {
        lock (_gate)
        {
            Advance(_time.GetUtcNow());
            var value = 0m;
            foreach (var position in _account.Positions)
            {
                var market = position.Market;
                var yesMark = market.Mid ?? market.LastPrice.Dollars;
                value += position.Contracts >= 0m ? position.Contracts * yesMark : -position.Contracts * (1m - yesMark);
            }

            return new BalanceJson(
                (long)decimal.Floor(_account.Cash * 100m),
                SandboxJson.Dollars(_account.Cash),
                (long)decimal.Floor(value * 100m),
                SandboxJson.UnixSeconds(_account.UpdatedAt));
        }
    }

    private SeriesJson DescribeSeries(SandboxSeries series)
    {
        var volume = _world.Markets.Where(m => m.Series == series).Sum(m => m.Volume);
        return WireMapper.Series(series, volume, _world.Epoch.AddDays(-30));
    }

    /// <summary>Cancels the account's orders whose expiration time has come; true when there were any.</summary>
    private bool ExpireOrdersQuietly(DateTimeOffset now)
    {
        var expired = _account.RestingOrders.Where(o => o.ExpirationTime <= now).ToList();
        foreach (var order in expired)
        {
            Cancel(order, now);
        }

        return expired.Count > 0;
    }

    private void Announce(DateTimeOffset now) => Changed?.Invoke(now);

    private void Cancel(AccountOrder order, DateTimeOffset now)
    {
        if (order.Resting is { } resting)
        {
            order.Market.Book.Remove(resting);
        }

        _account.Finish(order, OrderStatus.Canceled, now);
    }

    private static int BinarySearchAfter(IReadOnlyList<SandboxMarket> markets, string after)
    {
        int low = 0, high = markets.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(markets[mid].Ticker, after) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
