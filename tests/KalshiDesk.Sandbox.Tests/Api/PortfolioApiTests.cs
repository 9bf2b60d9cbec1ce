using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Tests.Api;

public sealed class PortfolioApiTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetBalance_NewAccount_IsTheStartingBalance()
    {
        var (status, body) = await _host.GetAsync("portfolio/balance");

        Assert.Equal(200, status);
        Assert.Equal(1_000_000, body.GetProperty("balance").GetInt64());
        Assert.Equal("10000.0000", body.Text("balance_dollars"));
        Assert.Equal(0, body.GetProperty("portfolio_value").GetInt64());
        Assert.Equal(SandboxHost.Start.ToUnixTimeSeconds(), body.GetProperty("updated_ts").GetInt64());
    }

    [Fact]
    public async Task CreateOrder_ImmediateOrCancelAtTheAsk_FillsAtTheAskAndChargesKalshisTakerFee()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var ask = market.Dollars("yes_ask_dollars");
        var count = Math.Min(10m, market.Dollars("yes_ask_size_fp"));
        var fees = await FeesAsync(ticker);
        var before = await BalanceCentsAsync();

        var (status, body) = await _host.PostOrderAsync(Order(ticker, "bid", count, ask, "immediate_or_cancel", clientOrderId: "ioc-1"));

        Assert.Equal(201, status);
        Assert.Equal(Count(count), body.Text("fill_count"));
        Assert.Equal("0.00", body.Text("remaining_count"));
        Assert.Equal(Dollars(ask), body.Text("average_fill_price"));
        Assert.Equal("ioc-1", body.Text("client_order_id"));
        Assert.False(string.IsNullOrEmpty(body.Text("order_id")));
        Assert.Equal(SandboxHost.Start.ToUnixTimeMilliseconds(), body.GetProperty("ts_ms").GetInt64());
        var fee = KalshiFeeModel.TakerFee(Price.FromDollars(ask), Quantity.Of(count), fees).Dollars;
        Assert.True(fee > 0m);
        var after = await BalanceCentsAsync();
        Assert.Equal((count * ask) + fee, (before - after) / 100m);

        var (_, positions) = await _host.GetAsync($"portfolio/positions?ticker={ticker}");
        var position = Assert.Single(positions.GetProperty("market_positions").EnumerateArray());
        Assert.Equal(Count(count), position.Text("position_fp"));
        Assert.Equal(Dollars(fee), position.Text("fees_paid_dollars"));
        Assert.Equal(Dollars(count * ask), position.Text("market_exposure_dollars"));

        var (_, fills) = await _host.GetAsync($"portfolio/fills?order_id={body.Text("order_id")}");
        var fill = Assert.Single(fills.GetProperty("fills").EnumerateArray());
        Assert.Equal(("yes", "bid", true), (fill.Text("outcome_side"), fill.Text("book_side"), fill.GetProperty("is_taker").GetBoolean()));
        Assert.Equal(Dollars(ask), fill.Text("yes_price_dollars"));
        Assert.Equal(Dollars(fee), fill.Text("fee_cost"));
        Assert.Equal(string.Empty, fills.Text("cursor"));
    }

    [Fact]
    public async Task CreateOrder_AskBelowTheBid_BuysNoAtOneMinusTheBid()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var bid = market.Dollars("yes_bid_dollars");
        var fees = await FeesAsync(ticker);
        var before = await BalanceCentsAsync();

        var (status, body) = await _host.PostOrderAsync(Order(ticker, "ask", 3m, bid, "fill_or_kill"));

        Assert.Equal(201, status);
        Assert.Equal("3.00", body.Text("fill_count"));
        Assert.Equal(Dollars(bid), body.Text("average_fill_price"));
        var fee = KalshiFeeModel.TakerFee(Price.FromDollars(1m - bid), Quantity.Of(3m), fees).Dollars;
        Assert.Equal((3m * (1m - bid)) + fee, (before - await BalanceCentsAsync()) / 100m);
        var (_, positions) = await _host.GetAsync($"portfolio/positions?ticker={ticker}");
        Assert.Equal("-3.00", positions.GetProperty("market_positions")[0].Text("position_fp"));
    }

    [Fact]
    public async Task CreateOrder_FractionalCount_FillsWhereTheMarketTradesFractionsAndIsRefusedElsewhere()
    {
        var markets = await _host.AllMarketsAsync("&status=open");
        var fractional = markets.First(m => m.GetProperty("fractional_trading_enabled").GetBoolean() && m.Dollars("yes_ask_size_fp") >= 3m);
        var whole = markets.First(m => !m.GetProperty("fractional_trading_enabled").GetBoolean());
        var ask = fractional.Dollars("yes_ask_dollars");
        var fees = await FeesAsync(fractional.Text("ticker"));
        var before = _host.Exchange.CashDollars;

        var (status, body) = await _host.PostOrderAsync(Order(fractional.Text("ticker"), "bid", 2.5m, ask, "immediate_or_cancel"));
        var (refusedStatus, refused) = await _host.PostOrderAsync(Order(whole.Text("ticker"), "bid", 2.5m, whole.Dollars("yes_ask_dollars"), "immediate_or_cancel"));

        Assert.Equal(201, status);
        Assert.Equal("2.50", body.Text("fill_count"));
        Assert.Equal((2.5m * ask) + KalshiFeeModel.TakerFee(Price.FromDollars(ask), Quantity.Of(2.5m), fees).Dollars, before - _host.Exchange.CashDollars);
        Assert.Equal(400, refusedStatus);
        KalshiWire.AssertError(refused, "invalid_parameters", "count");
    }

    [Fact]
    public async Task CreateOrder_SellingYesAgainstAYesPosition_NetsThePositionAndRealisesThePnl()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var ask = market.Dollars("yes_ask_dollars");
        var bid = market.Dollars("yes_bid_dollars");
        var fees = await FeesAsync(ticker);
        var before = _host.Exchange.CashDollars;

        await _host.PostOrderAsync(Order(ticker, "bid", 2m, ask, "immediate_or_cancel"));
        var (_, sold) = await _host.PostOrderAsync(Order(ticker, "ask", 2m, bid, "immediate_or_cancel"));

        Assert.Equal("2.00", sold.Text("fill_count"));
        var (_, positions) = await _host.GetAsync($"portfolio/positions?ticker={ticker}");
        var position = positions.GetProperty("market_positions")[0];
        Assert.Equal("0.00", position.Text("position_fp"));
        Assert.Equal("0.0000", position.Text("market_exposure_dollars"));
        Assert.Equal(2m * (bid - ask), position.Dollars("realized_pnl_dollars"));
        var buyFee = KalshiFeeModel.TakerFee(Price.FromDollars(ask), Quantity.Of(2m), fees).Dollars;
        var sellFee = KalshiFeeModel.TakerFee(Price.FromDollars(1m - bid), Quantity.Of(2m), fees).Dollars;
        Assert.Equal((2m * (ask - bid)) + buyFee + sellFee, before - _host.Exchange.CashDollars);
        var (_, open) = await _host.GetAsync("portfolio/positions?count_filter=position");
        Assert.Equal(0, open.GetProperty("market_positions").GetArrayLength());
    }

    [Fact]
    public async Task CreateOrder_RepeatedClientOrderId_Is409OrderAlreadyExists()
    {
        var market = await ActiveMarketAsync();
        var order = Order(market.Text("ticker"), "bid", 1m, market.Dollars("yes_bid_dollars"), "good_till_canceled", clientOrderId: "once-only");

        var (first, _) = await _host.PostOrderAsync(order);
        var (second, body) = await _host.PostOrderAsync(order);

        Assert.Equal(201, first);
        Assert.Equal(409, second);
        KalshiWire.AssertError(body, "order_already_exists", "once-only");
        var (_, orders) = await _host.GetAsync("portfolio/orders");
        Assert.Single(orders.GetProperty("orders").EnumerateArray());
    }

    [Fact]
    public async Task CreateOrder_FillOrKillLargerThanTheBook_FillsNothingAndChargesNothing()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var (_, book) = await _host.GetAsync($"markets/{ticker}/orderbook");
        var depth = book.GetProperty("orderbook_fp").Levels("no_dollars").Sum(l => l.Size);
        var before = await BalanceCentsAsync();
        var bookBefore = await _host.GetTextAsync($"markets/{ticker}/orderbook");

        var (status, body) = await _host.PostOrderAsync(Order(ticker, "bid", depth + 1m, 0.99m, "fill_or_kill"));

        Assert.Equal(201, status);
        Assert.Equal("0.00", body.Text("fill_count"));
        Assert.Equal("0.00", body.Text("remaining_count"));
        Assert.False(body.TryGetProperty("average_fill_price", out _));
        Assert.False(body.TryGetProperty("average_fee_paid", out _));
        Assert.Equal(before, await BalanceCentsAsync());
        Assert.Equal(bookBefore, await _host.GetTextAsync($"markets/{ticker}/orderbook"));
        var (_, order) = await _host.GetAsync($"portfolio/orders/{body.Text("order_id")}");
        Assert.Equal("canceled", order.GetProperty("order").Text("status"));
    }

    [Fact]
    public async Task CreateOrder_FillOrKillWithinTheBook_SweepsLevelsAndRoundsTheFeeUpOnce()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var (_, book) = await _host.GetAsync($"markets/{ticker}/orderbook");
        var asks = book.GetProperty("orderbook_fp").Levels("no_dollars").Select(l => (Price: 1m - l.Price, l.Size)).OrderBy(l => l.Price).ToList();
        var count = asks[0].Size + 1m;
        var cost = (asks[0].Size * asks[0].Price) + asks[1].Price;
        var fees = await FeesAsync(ticker);
        var rawFee = KalshiFeeModel.TakerFeePerContract(Price.FromDollars(asks[0].Price), fees) * asks[0].Size + KalshiFeeModel.TakerFeePerContract(Price.FromDollars(asks[1].Price), fees);
        var fee = Math.Ceiling(rawFee * 100m) / 100m;
        var before = await BalanceCentsAsync();

        var (status, body) = await _host.PostOrderAsync(Order(ticker, "bid", count, asks[1].Price, "fill_or_kill"));

        Assert.Equal(201, status);
        Assert.Equal(Count(count), body.Text("fill_count"));
        Assert.Equal(Dollars(Math.Round(cost / count, 4, MidpointRounding.AwayFromZero)), body.Text("average_fill_price"));
        Assert.Equal(cost + fee, (before - await BalanceCentsAsync()) / 100m);
        var (_, fills) = await _host.GetAsync($"portfolio/fills?order_id={body.Text("order_id")}");
        Assert.Equal(2, fills.GetProperty("fills").GetArrayLength());
        Assert.Equal(fee, fills.GetProperty("fills").EnumerateArray().Sum(f => f.Dollars("fee_cost")));
    }

    [Fact]
    public async Task CreateOrder_GoodTillCanceledAtTheBid_RestsInTheBookAndInTheOrderList()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var bid = market.Dollars("yes_bid_dollars");
        var sizeBefore = market.Dollars("yes_bid_size_fp");

        var (status, body) = await _host.PostOrderAsync(Order(ticker, "bid", 5m, bid, "good_till_canceled", clientOrderId: "rest-1"));

        Assert.Equal(201, status);
        Assert.Equal("0.00", body.Text("fill_count"));
        Assert.Equal("5.00", body.Text("remaining_count"));
        var orderId = body.Text("order_id");
        var (_, orders) = await _host.GetAsync("portfolio/orders?status=resting");
        var order = Assert.Single(orders.GetProperty("orders").EnumerateArray());
        Assert.Equal(orderId, order.Text("order_id"));
        Assert.Equal("rest-1", order.Text("client_order_id"));
        Assert.Equal(ticker, order.Text("ticker"));
        Assert.Equal(("resting", "yes", "bid", "limit"), (order.Text("status"), order.Text("outcome_side"), order.Text("book_side"), order.Text("type")));
        Assert.Equal(Dollars(bid), order.Text("yes_price_dollars"));
        Assert.Equal(Dollars(1m - bid), order.Text("no_price_dollars"));
        Assert.Equal(("5.00", "5.00", "0.00"), (order.Text("initial_count_fp"), order.Text("remaining_count_fp"), order.Text("fill_count_fp")));
        var (_, after) = await _host.GetAsync($"markets/{ticker}");
        Assert.Equal(sizeBefore + 5m, after.GetProperty("market").Dollars("yes_bid_size_fp"));
        Assert.True(await BalanceCentsAsync() <= 1_000_000 - (long)(5m * bid * 100m));

        var (cancelStatus, cancelled) = await _host.DeleteAsync($"portfolio/events/orders/{orderId}");

        Assert.Equal(200, cancelStatus);
        Assert.Equal("5.00", cancelled.Text("reduced_by"));
        Assert.Equal(1_000_000, await BalanceCentsAsync());
        var (_, again) = await _host.DeleteAsync($"portfolio/events/orders/{orderId}");
        KalshiWire.AssertError(again, "not_found");
    }

    [Fact]
    public async Task CreateOrder_RestingBidWhenTheMakersFallThroughIt_FillsAsMaker()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");
        var bid = market.Dollars("yes_bid_dollars");
        var (status, body) = await _host.PostOrderAsync(Order(ticker, "bid", 5m, bid, "good_till_canceled"));
        Assert.Equal(201, status);

        // Ticks until the quotes move down through the resting bid (or an informed seller picks it off).
        for (var i = 0; i < 400 && (await OrderAsync(body.Text("order_id"))).Text("status") == "resting"; i++)
        {
            _host.Exchange.Tick();
        }

        var order = await OrderAsync(body.Text("order_id"));
        var filled = order.Dollars("fill_count_fp");
        Assert.True(filled > 0m, "the resting bid never traded");
        Assert.Equal(filled * bid, order.Dollars("maker_fill_cost_dollars"));
        Assert.Equal("0.0000", order.Text("taker_fees_dollars"));
        var (_, fills) = await _host.GetAsync($"portfolio/fills?order_id={order.Text("order_id")}");
        Assert.All(fills.GetProperty("fills").EnumerateArray(), f => Assert.False(f.GetProperty("is_taker").GetBoolean()));
        Assert.True(_host.Exchange.CashDollars >= 0m);
    }

    [Fact]
    public async Task CreateOrder_MoreThanTheCashCovers_Is400InsufficientBalance()
    {
        await using var poor = await SandboxHost.StartAsync(new SandboxOptions { TickInterval = TimeSpan.Zero, StartingBalanceDollars = 1m });
        var market = (await poor.AllMarketsAsync("&status=open"))[0];

        var (status, body) = await poor.PostOrderAsync(Order(market.Text("ticker"), "bid", 100m, 0.99m, "immediate_or_cancel"));

        Assert.Equal(400, status);
        KalshiWire.AssertError(body, "insufficient_balance");
        var (_, balance) = await poor.GetAsync("portfolio/balance");
        Assert.Equal(100, balance.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task CreateOrder_UnknownMarket_Is404()
    {
        var (status, body) = await _host.PostOrderAsync(Order("KXNOPE-26NOV24-T1", "bid", 1m, 0.5m, "immediate_or_cancel"));

        Assert.Equal(404, status);
        KalshiWire.AssertError(body, "not_found", "KXNOPE-26NOV24-T1");
    }

    [Fact]
    public async Task CreateOrder_UnopenedMarket_Is409MarketClosed()
    {
        var unopened = (await _host.AllMarketsAsync("&status=unopened"))[0];

        var (status, body) = await _host.PostOrderAsync(Order(unopened.Text("ticker"), "bid", 1m, 0.5m, "good_till_canceled"));

        Assert.Equal(409, status);
        KalshiWire.AssertError(body, "market_closed");
    }

    [Theory]
    [InlineData("""{"side":"bid","count":"1.00","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "ticker")]
    [InlineData("""{"ticker":"{T}","side":"bid","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "count")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"ten","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "count")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.001","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "count")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"0","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "count")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"abc","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_price", "price")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"1.5","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_price", "price")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"0.555","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_price", "price")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "price")]
    [InlineData("""{"ticker":"{T}","side":"buy","count":"1.00","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "side")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"0.5000","time_in_force":"day","self_trade_prevention_type":"taker_at_cross"}""", "invalid_parameters", "time_in_force")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"0.5000","time_in_force":"immediate_or_cancel"}""", "invalid_parameters", "self_trade_prevention_type")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"0.5000","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"taker_at_cross","expiration_time":1900000000}""", "invalid_parameters", "expiration_time")]
    [InlineData("""{"ticker":"{T}","side":"bid","count":"1.00","price":"0.5000","time_in_force":"good_till_canceled","self_trade_prevention_type":"taker_at_cross","post_only":"yes"}""", "invalid_parameters", "post_only")]
    [InlineData("""not json""", "invalid_parameters", "body")]
    [InlineData("""[1,2]""", "invalid_parameters", "body")]
    public async Task CreateOrder_MalformedBody_Is400NamingTheField(string template, string code, string field)
    {
        var ticker = (await ActiveMarketAsync()).Text("ticker");

        var (status, body) = await _host.PostRawAsync("portfolio/events/orders", template.Replace("{T}", ticker, StringComparison.Ordinal));

        Assert.Equal(400, status);
        KalshiWire.AssertError(body, code, field);
        Assert.Equal(field, body.GetProperty("error").Text("details"));
        Assert.Equal(0, (await _host.GetAsync("portfolio/orders")).Body.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task CreateOrder_PostOnlyThatWouldTake_IsRefusedAndPostOnlyThatRests_Rests()
    {
        var market = await ActiveMarketAsync();
        var ticker = market.Text("ticker");

        var (crossing, refused) = await _host.PostOrderAsync(Order(ticker, "bid", 1m, market.Dollars("yes_ask_dollars"), "good_till_canceled", postOnly: true));
        var (resting, accepted) = await _host.PostOrderAsync(Order(ticker, "bid", 1m, market.Dollars("yes_bid_dollars"), "good_till_canceled", postOnly: true));

        Assert.Equal(400, crossing);
        KalshiWire.AssertError(refused, "post_only_cross");
        Assert.Equal(201, resting);
        Assert.Equal("1.00", accepted.Text("remaining_count"));
    }

    [Fact]
    public async Task CreateOrder_CrossingOwnRestingOrder_TakerAtCrossStopsAndMakerCancelsTheRestingOne()
    {
        var market = await ActiveMarketAsync(minSpread: 0.02m);
        var ticker = market.Text("ticker");
        var ask = market.Dollars("yes_ask_dollars");
        var (_, own) = await _host.PostOrderAsync(Order(ticker, "ask", 2m, market.Dollars("yes_bid_dollars") + 0.01m, "good_till_canceled"));
        Assert.Equal("resting", (await OrderAsync(own.Text("order_id"))).Text("status"));

        var (_, stopped) = await _host.PostOrderAsync(Order(ticker, "bid", 2m, ask, "immediate_or_cancel", stp: "taker_at_cross"));

        Assert.Equal("0.00", stopped.Text("fill_count"));
        Assert.Equal("resting", (await OrderAsync(own.Text("order_id"))).Text("status"));

        var (_, through) = await _host.PostOrderAsync(Order(ticker, "bid", 2m, ask, "immediate_or_cancel", stp: "maker"));

        Assert.Equal("2.00", through.Text("fill_count"));
        Assert.Equal(Dollars(ask), through.Text("average_fill_price"));
        Assert.Equal("canceled", (await OrderAsync(own.Text("order_id"))).Text("status"));
    }

    private static object Order(string ticker, string side, decimal count, decimal price, string timeInForce, string? clientOrderId = null, bool postOnly = false, string stp = "taker_at_cross") => new Dictionary<string, object?>
    {
        ["ticker"] = ticker,
        ["client_order_id"] = clientOrderId,
        ["side"] = side,
        ["count"] = Count(count),
        ["price"] = Dollars(price),
        ["time_in_force"] = timeInForce,
        ["self_trade_prevention_type"] = stp,
        ["post_only"] = postOnly,
    };

    private static string Count(decimal count) => count.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Dollars(decimal dollars) => dollars.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>An open market with a quote on both sides away from the edges.</summary>
    private async Task<JsonElement> ActiveMarketAsync(decimal minSpread = 0.01m)
    {
        var markets = await _host.AllMarketsAsync("&status=open");
        return markets.First(m =>
            m.Dollars("yes_bid_dollars") >= 0.10m && m.Dollars("yes_ask_dollars") <= 0.90m && m.Dollars("yes_ask_size_fp") >= 2m &&
            m.Dollars("yes_ask_dollars") - m.Dollars("yes_bid_dollars") >= minSpread);
    }

    private async Task<FeeSchedule> FeesAsync(string ticker)
    {
        var (_, body) = await _host.GetAsync($"series/{ticker[..ticker.IndexOf('-', StringComparison.Ordinal)]}");
        var series = body.GetProperty("series");
        var type = series.Text("fee_type") switch
        {
            "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
            _ => FeeType.Quadratic,
        };
        return new FeeSchedule(type, series.GetProperty("fee_multiplier").GetDecimal());
    }

    private async Task<long> BalanceCentsAsync()
    {
        var (status, body) = await _host.GetAsync("portfolio/balance");
        Assert.Equal(200, status);
        Assert.Equal(body.GetProperty("balance").GetInt64(), (long)(body.Dollars("balance_dollars") * 100m));
        return body.GetProperty("balance").GetInt64();
    }

    private async Task<JsonElement> OrderAsync(string orderId)
    {
        var (status, body) = await _host.GetAsync($"portfolio/orders/{orderId}");
        Assert.Equal(200, status);
        return body.GetProperty("order");
    }
}
