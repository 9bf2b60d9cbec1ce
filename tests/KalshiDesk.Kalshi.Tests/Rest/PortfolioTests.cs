using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi.Tests.Rest;

public class PortfolioTests
{
    private const string Base = "/trade-api/v2/";

    [Fact]
    public async Task GetBalanceAsync_CurrentShape_PrefersBalanceDollarsAndReadsPortfolioValueAsCents()
    {
        const string json = """{"balance":1000000,"balance_dollars":"10000.1234","portfolio_value":52300,"updated_ts":1704067200,"balance_breakdown":[{"exchange_index":0,"balance":"10000.1234"}]}""";
        var handler = new RecordedHandler().On(Base + "portfolio/balance", json);

        var balance = await handler.Client().GetBalanceAsync();

        Assert.Equal(new Money(10000.1234m), balance.Available);
        Assert.Equal(new Money(523.00m), balance.PortfolioValue);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), balance.UpdatedAt);
    }

    [Fact]
    public async Task GetBalanceAsync_LegacyCentsOnly_ConvertsCentsToDollars()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/balance", """{"balance":123456}""");

        var balance = await handler.Client().GetBalanceAsync();

        Assert.Equal(new Money(1234.56m), balance.Available);
        Assert.Equal(Money.Zero, balance.PortfolioValue);
        Assert.Null(balance.UpdatedAt);
    }

    [Fact]
    public async Task GetPositionsAsync_TwoPages_GathersMarketAndEventPositionsWithSignedSides()
    {
        const string page1 = """
            {"market_positions":[
               {"ticker":"KXHIGHNY-26NOV24-T60","total_traded_dollars":"56.0000","position_fp":"100.00","market_exposure_dollars":"56.0000",
                "realized_pnl_dollars":"-3.2500","fees_paid_dollars":"1.7500","last_updated_ts":"2026-11-24T14:00:00Z","resting_orders_count":0}],
             "event_positions":[
               {"event_ticker":"KXHIGHNY-26NOV24","total_cost_dollars":"68.5000","total_cost_shares_fp":"125.50","event_exposure_dollars":"68.5000",
                "realized_pnl_dollars":"-3.2500","fees_paid_dollars":"2.1000"}],
             "cursor":"pos-2"}
            """;
        const string page2 = """
            {"market_positions":[
               {"ticker":"KXHIGHNY-26NOV24-B58","total_traded_dollars":"12.5000","position_fp":"-25.50","market_exposure_dollars":"12.5000",
                "realized_pnl_dollars":"0.0000","fees_paid_dollars":"0.3500","last_updated_ts":"2026-11-24T15:00:00Z"},
               {"ticker":"KXFED-26DEC-H0","total_traded_dollars":"4.0000","position_fp":"0.00","market_exposure_dollars":"0.0000",
                "realized_pnl_dollars":"1.0000","fees_paid_dollars":"0.1400","last_updated_ts":"2026-11-20T15:00:00Z"}],
             "event_positions":[],"cursor":""}
            """;
        var handler = new RecordedHandler()
            .On(Base + "portfolio/positions?limit=1000", page1)
            .On(Base + "portfolio/positions?limit=1000&cursor=pos-2", page2);

        var positions = await handler.Client().GetPositionsAsync();

        Assert.Equal(3, positions.Markets.Count);
        Assert.Equal(
            new MarketPosition(
                "KXHIGHNY-26NOV24-T60", Side.Yes, Quantity.Of(100m), new Money(56m), new Money(-3.25m), new Money(1.75m), new Money(56m),
                new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero)),
            positions.Markets[0]);
        Assert.Equal(Side.No, positions.Markets[1].Side);
        Assert.Equal(25.50m, positions.Markets[1].Contracts.Contracts);
        Assert.Equal(-25.50m, positions.Markets[1].SignedContracts);
        Assert.Null(positions.Markets[2].Side);
        Assert.Equal(Quantity.Zero, positions.Markets[2].Contracts);
        var evt = Assert.Single(positions.Events);
        Assert.Equal(new EventPosition("KXHIGHNY-26NOV24", new Money(68.5m), Quantity.Of(125.50m), new Money(68.5m), new Money(-3.25m), new Money(2.1m)), evt);
    }

    [Fact]
    public async Task GetPositionsAsync_NegativeFees_NamesTheFieldAndMarket()
    {
        const string json = """{"market_positions":[{"ticker":"M-BAD","total_traded_dollars":"1.0000","position_fp":"1.00","market_exposure_dollars":"1.0000","realized_pnl_dollars":"0.0000","fees_paid_dollars":"-0.0100","last_updated_ts":"2026-11-24T14:00:00Z"}],"event_positions":[],"cursor":""}""";
        var handler = new RecordedHandler().On(Base + "portfolio/positions?limit=1000&ticker=M-BAD", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetPositionsAsync("M-BAD"));

        Assert.Equal("fees_paid_dollars", ex.Field);
        Assert.Equal("M-BAD", ex.Ticker);
    }

    [Fact]
    public async Task GetOrdersAsync_TwoPages_MapsEveryFieldAndSendsTheStatus()
    {
        var handler = new RecordedHandler()
            .On(Base + "portfolio/orders?limit=1000&ticker=KXHIGHNY-26NOV24-T60&status=resting", RecordedHandler.Fixture("orders-page.json"))
            .On(Base + "portfolio/orders?limit=1000&ticker=KXHIGHNY-26NOV24-T60&status=resting&cursor=page-2", """{"orders":[],"cursor":""}""");

        var orders = await handler.Client().GetOrdersAsync("KXHIGHNY-26NOV24-T60", OrderStatus.Resting).ToListAsync();

        var order = Assert.Single(orders);
        Assert.Equal(
            new ExchangeOrder(
                "ee5c7a26-6e6e-4b8d-9a3f-0c2b1d5f9a11",
                "kd-101",
                "KXHIGHNY-26NOV24-T60",
                Side.No,
                BookSide.Ask,
                OrderStatus.Resting,
                Price.FromDollars(0.565m),
                Quantity.Of(2.5m),
                Quantity.Of(7.5m),
                Quantity.Of(10m),
                new Money(1.0875m),
                Money.Zero,
                new Money(0.043m),
                Money.Zero,
                new DateTimeOffset(2026, 11, 24, 14, 5, 6, TimeSpan.Zero).AddTicks(1234560),
                new DateTimeOffset(2026, 11, 24, 14, 5, 7, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 25, 4, 59, 0, TimeSpan.Zero),
                "og-7"),
            order);
        Assert.Equal(0.435m, order.OutcomePrice.Dollars);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData("buy", "yes", Side.Yes, BookSide.Bid)]
    [InlineData("sell", "no", Side.Yes, BookSide.Bid)]
    [InlineData("buy", "no", Side.No, BookSide.Ask)]
    [InlineData("sell", "yes", Side.No, BookSide.Ask)]
    public async Task GetOrderAsync_OnlyLegacySideAndAction_MapsToOutcomeAndBookSide(string action, string side, Side outcome, BookSide book)
    {
        var json = $$$"""
            {"order":{"order_id":"o-1","user_id":"u-1","client_order_id":"kd-1","ticker":"M-1","side":"{{{side}}}","action":"{{{action}}}","type":"limit",
              "status":"executed","yes_price_dollars":"0.5600","no_price_dollars":"0.4400","fill_count_fp":"10.00","remaining_count_fp":"0.00",
              "initial_count_fp":"10.00","taker_fill_cost_dollars":"5.6000","maker_fill_cost_dollars":"0.0000","taker_fees_dollars":"0.1800",
              "maker_fees_dollars":"0.0000","expiration_time":null,"created_time":"2026-03-01T00:00:00Z","last_update_time":"2026-03-01T00:00:01Z",
              "order_group_id":null}}
            """;
        var handler = new RecordedHandler().On(Base + "portfolio/orders/o-1", json);

        var order = await handler.Client().GetOrderAsync("o-1");

        Assert.Equal((outcome, book), (order.OutcomeSide, order.BookSide));
        Assert.Equal(OrderStatus.Executed, order.Status);
        Assert.Equal(Quantity.Of(10m), order.Filled);
        Assert.Equal(new Money(0.18m), order.TakerFees);
        Assert.Null(order.ExpirationTime);
        Assert.Null(order.OrderGroupId);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownStatus_NamesTheFieldAndMarket()
    {
        var handler = new RecordedHandler().On(Base + "portfolio/orders/o-1", """{"order":{"order_id":"o-1","ticker":"M-1","outcome_side":"yes","book_side":"bid","status":"pending","yes_price_dollars":"0.5000","remaining_count_fp":"1.00","initial_count_fp":"1.00"}}""");

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetOrderAsync("o-1"));

        Assert.Equal("status", ex.Field);
        Assert.Equal("M-1", ex.Ticker);
    }

    [Fact]
    public async Task GetFillsAsync_FiltersAndTwoPages_MapsFillsIncludingLegacyDirection()
    {
        const string fill1 = """
            {"fill_id":"f-1","trade_id":"f-1","order_id":"o-1","ticker":"KXHIGHNY-26NOV24-T60","market_ticker":"KXHIGHNY-26NOV24-T60",
             "side":"yes","action":"sell","outcome_side":"no","book_side":"ask","count_fp":"4.25","yes_price_dollars":"0.6100",
             "no_price_dollars":"0.3900","is_taker":true,"created_time":"2026-11-24T14:05:07Z","fee_cost":"0.0700","subaccount_number":0,"ts":1795000000}
            """;
        const string fill2 = """
            {"fill_id":"f-2","trade_id":"f-2","order_id":"o-1","ticker":"KXHIGHNY-26NOV24-T60","side":"no","action":"sell",
             "count_fp":"1.00","yes_price_dollars":"0.6000","no_price_dollars":"0.4000","is_taker":false,"fee_cost":"0.0000","ts":1790000000}
            """;
        const string query = "portfolio/fills?limit=1000&ticker=KXHIGHNY-26NOV24-T60&order_id=o-1&min_ts=1790000000&max_ts=1790462280";
        var handler = new RecordedHandler()
            .On(Base + query, $$"""{"fills":[{{fill1}}],"cursor":"f"}""")
            .On(Base + query + "&cursor=f", $$"""{"fills":[{{fill2}}],"cursor":""}""");

        var fills = await handler.Client().GetFillsAsync(
            "KXHIGHNY-26NOV24-T60", "o-1", DateTimeOffset.FromUnixTimeSeconds(1790000000), DateTimeOffset.FromUnixTimeSeconds(1790462280)).ToListAsync();

        Assert.Equal(
            new OrderFill(
                "f-1", "o-1", "KXHIGHNY-26NOV24-T60", Side.No, BookSide.Ask, Quantity.Of(4.25m), Price.FromDollars(0.61m), Price.FromDollars(0.39m),
                true, new Money(0.07m), new DateTimeOffset(2026, 11, 24, 14, 5, 7, TimeSpan.Zero)),
            fills[0]);

        // Legacy: selling NO positions for YES; no created_time, so the legacy ts (Unix seconds) stands in.
        Assert.Equal((Side.Yes, BookSide.Bid), (fills[1].OutcomeSide, fills[1].BookSide));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790000000), fills[1].CreatedTime);
        Assert.False(fills[1].IsTaker);
    }

    [Fact]
    public async Task GetSettlementsAsync_TwoPages_ReadsRevenueAndValueAsCents()
    {
        const string s1 = """
            {"ticker":"KXHIGHNY-26NOV24-T60","event_ticker":"KXHIGHNY-26NOV24","market_result":"yes","yes_count_fp":"100.00",
             "yes_total_cost_dollars":"56.0000","no_count_fp":"0.00","no_total_cost_dollars":"0.0000","revenue":10000,
             "settled_time":"2026-11-25T15:00:00Z","fee_cost":"1.7500","value":100}
            """;
        const string s2 = """
            {"ticker":"KXFED-26DEC-H0","event_ticker":"KXFED-26DEC","market_result":"scalar","yes_count_fp":"3.00","yes_total_cost_dollars":"1.2000",
             "no_count_fp":"2.00","no_total_cost_dollars":"1.0000","revenue":250,"settled_time":"2026-12-17T15:00:00Z","fee_cost":"0.0600","value":null}
            """;
        var handler = new RecordedHandler()
            .On(Base + "portfolio/settlements?limit=1000", $$"""{"settlements":[{{s1}}],"cursor":"s"}""")
            .On(Base + "portfolio/settlements?limit=1000&cursor=s", $$"""{"settlements":[{{s2}}]}""");

        var settlements = await handler.Client().GetSettlementsAsync().ToListAsync();

        Assert.Equal(
            new Settlement(
                "KXHIGHNY-26NOV24-T60", "KXHIGHNY-26NOV24", SettlementResult.Yes, Quantity.Of(100m), new Money(56m), Quantity.Zero, Money.Zero,
                new Money(100.00m), new Money(1.75m), new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero), new Money(1.00m)),
            settlements[0]);
        Assert.Equal(SettlementResult.Scalar, settlements[1].Result);
        Assert.Equal(new Money(2.50m), settlements[1].Revenue);
        Assert.Null(settlements[1].YesPayout);
    }

    [Fact]
    public async Task GetSettlementsAsync_ValueAboveOneDollar_NamesTheFieldAndMarket()
    {
        const string json = """{"settlements":[{"ticker":"M-BAD","event_ticker":"E","market_result":"yes","yes_count_fp":"1.00","yes_total_cost_dollars":"0.5000","no_count_fp":"0.00","no_total_cost_dollars":"0.0000","revenue":100,"settled_time":"2026-11-25T15:00:00Z","fee_cost":"0.0000","value":150}],"cursor":""}""";
        var handler = new RecordedHandler().On(Base + "portfolio/settlements?limit=1000&ticker=M-BAD", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetSettlementsAsync("M-BAD").ToListAsync());

        Assert.Equal("value", ex.Field);
        Assert.Equal("M-BAD", ex.Ticker);
    }

    [Fact]
    public async Task GetSettlementsAsync_NegativeRevenue_NamesTheField()
    {
        const string json = """{"settlements":[{"ticker":"M-BAD","event_ticker":"E","market_result":"no","revenue":-1,"settled_time":"2026-11-25T15:00:00Z","fee_cost":"0.0000"}],"cursor":""}""";
        var handler = new RecordedHandler().On(Base + "portfolio/settlements?limit=1000", json);

        var ex = await Assert.ThrowsAsync<KalshiDataException>(() => handler.Client().GetSettlementsAsync().ToListAsync());

        Assert.Equal("revenue", ex.Field);
        Assert.Equal("M-BAD", ex.Ticker);
    }
}
