using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Sandbox.Tests.WebSockets;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Tests.Lifecycle;

/// <summary>Markets close at their close time, are determined a minute later, settle five minutes after that and pay out; their events are replaced.</summary>
public sealed class MarketLifecycleTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CloseTime_Passes_TradingStopsAndTheAccountsRestingOrdersAreCancelled()
    {
        var (ticker, close) = SoonestClosing();
        var (placedStatus, resting) = await _host.PostOrderAsync(new { ticker, side = "bid", count = "5.00", price = "0.0100", time_in_force = "good_till_canceled", self_trade_prevention_type = "taker_at_cross" });
        Assert.True(placedStatus == 201, resting.ToString());
        var orderId = resting.Text("order_id");
        var cashBefore = _host.Exchange.CashDollars;

        _host.Time.Advance(close - _host.Time.GetUtcNow());

        var (_, market) = await _host.GetAsync($"markets/{ticker}");
        Assert.Equal("closed", market.GetProperty("market").Text("status"));
        var (_, order) = await _host.GetAsync($"portfolio/orders/{orderId}");
        Assert.Equal("canceled", order.GetProperty("order").Text("status"));
        Assert.Equal(cashBefore + 0.05m, _host.Exchange.CashDollars);
        var (status, rejected) = await _host.PostOrderAsync(new { ticker, side = "bid", count = "1.00", price = "0.5000", time_in_force = "immediate_or_cancel", self_trade_prevention_type = "taker_at_cross" });
        Assert.Equal(409, status);
        KalshiWire.AssertError(rejected, "market_closed");
        var (_, book) = await _host.GetAsync($"markets/{ticker}/orderbook");
        Assert.Equal(JsonValueKind.Object, book.GetProperty("orderbook_fp").ValueKind);
        Assert.False(book.GetProperty("orderbook_fp").TryGetProperty("yes_dollars", out var yes) && yes.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Settlement_PaysTheAccountOneDollarAWinningContractAndListsIt()
    {
        var (ticker, close) = SoonestClosing();
        var (_, market) = await _host.GetAsync($"markets/{ticker}");
        var ask = market.GetProperty("market").Dollars("yes_ask_dollars");
        var (status, bought) = await _host.PostOrderAsync(new { ticker, side = "bid", count = "10.00", price = ask.ToString("0.0000", CultureInfo.InvariantCulture), time_in_force = "immediate_or_cancel", self_trade_prevention_type = "taker_at_cross" });
        Assert.True(status == 201, bought.ToString());
        Assert.True(bought.Dollars("fill_count") == 10m, bought.ToString());
        var cost = 10m * ask;
        var (_, fills) = await _host.GetAsync($"portfolio/fills?ticker={ticker}");
        var fees = fills.GetProperty("fills").EnumerateArray().Sum(f => f.Dollars("fee_cost"));
        var cashBefore = _host.Exchange.CashDollars;

        _host.Time.Advance(close + SandboxMarket.DeterminationDelay - _host.Time.GetUtcNow());
        var (_, determined) = await _host.GetAsync($"markets/{ticker}");
        var determinedMarket = determined.GetProperty("market");
        Assert.Equal("determined", determinedMarket.Text("status"));
        var result = determinedMarket.Text("result");
        Assert.Contains(result, new[] { "yes", "no" });
        Assert.Equal(result == "yes" ? 1m : 0m, determinedMarket.Dollars("settlement_value_dollars"));
        Assert.False(determinedMarket.TryGetProperty("settlement_ts", out _));
        Assert.Equal(cashBefore, _host.Exchange.CashDollars);

        _host.Time.Advance(SandboxMarket.SettlementTimer);
        var (_, finalized) = await _host.GetAsync($"markets/{ticker}");
        Assert.Equal("finalized", finalized.GetProperty("market").Text("status"));
        var settledAt = close + SandboxMarket.DeterminationDelay + SandboxMarket.SettlementTimer;
        Assert.Equal(settledAt, DateTimeOffset.Parse(finalized.GetProperty("market").Text("settlement_ts"), CultureInfo.InvariantCulture));
        var payout = result == "yes" ? 10m : 0m;
        Assert.Equal(cashBefore + payout, _host.Exchange.CashDollars);

        var (_, list) = await _host.GetAsync($"portfolio/settlements?ticker={ticker}");
        var settlement = Assert.Single(list.GetProperty("settlements").EnumerateArray());
        Assert.Equal((ticker, result, "10.00", "0.00"), (settlement.Text("ticker"), settlement.Text("market_result"), settlement.Text("yes_count_fp"), settlement.Text("no_count_fp")));
        Assert.Equal(cost, settlement.Dollars("yes_total_cost_dollars"));
        Assert.Equal(0m, settlement.Dollars("no_total_cost_dollars"));
        Assert.Equal((long)(payout * 100m), settlement.GetProperty("revenue").GetInt64());
        Assert.Equal(fees, settlement.Dollars("fee_cost"));
        Assert.Equal(result == "yes" ? 100 : 0, settlement.GetProperty("value").GetInt64());
        Assert.Equal(settledAt, DateTimeOffset.Parse(settlement.Text("settled_time"), CultureInfo.InvariantCulture));
        var (_, positions) = await _host.GetAsync($"portfolio/positions?ticker={ticker}");
        var position = Assert.Single(positions.GetProperty("market_positions").EnumerateArray());
        Assert.Equal("0.00", position.Text("position_fp"));
        Assert.Equal(payout - cost, position.Dollars("realized_pnl_dollars"));
        Assert.Equal(fees, position.Dollars("fees_paid_dollars"));
    }

    [Fact]
    public async Task SettledEvent_IsReplacedByAnOpenEventOfTheSameSeries_AndAnnouncedOnTheStream()
    {
        await using var client = await StreamTestClient.ConnectAsync(_host.Server);
        await client.SubscribeAsync(new { channels = new[] { "market_lifecycle_v2" } });
        var (ticker, close) = SoonestClosing();
        var seriesTicker = ticker[..ticker.IndexOf('-', StringComparison.Ordinal)];
        var openBefore = _host.OpenTickers.Count;
        var eventsBefore = Events(seriesTicker);

        _host.Time.Advance(close + SandboxMarket.DeterminationDelay + SandboxMarket.SettlementTimer - _host.Time.GetUtcNow());
        _host.Exchange.Tick();
        var frames = await client.DrainAsync();

        var spawned = Assert.Single(Events(seriesTicker).Except(eventsBefore));
        var spawnedMarkets = await _host.GetAsync($"markets?event_ticker={spawned}");
        Assert.All(spawnedMarkets.Body.GetProperty("markets").EnumerateArray(), m => Assert.Equal("active", m.Text("status")));
        Assert.True(_host.OpenTickers.Count >= openBefore - 8, $"{_host.OpenTickers.Count} open, {openBefore} before");

        var kinds = frames.Where(f => f.Type() == "market_lifecycle_v2").Select(f => (f.Msg().Text("market_ticker"), f.Msg().Text("event_type"))).ToList();
        Assert.Contains((ticker, "determined"), kinds);
        Assert.Contains((ticker, "settled"), kinds);
        var determined = frames.First(f => f.Type() == "market_lifecycle_v2" && f.Msg().Text("market_ticker") == ticker && f.Msg().Text("event_type") == "determined").Msg();
        Assert.Equal((close + SandboxMarket.DeterminationDelay).ToUnixTimeSeconds(), determined.GetProperty("determination_ts").GetInt64());
        Assert.Contains(determined.Text("result"), new[] { "yes", "no" });
        Assert.Equal(determined.Text("result") == "yes" ? "1.0000" : "0.0000", determined.Text("settlement_value"));
        var created = frames.Single(f => f.Type() == "event_lifecycle").Msg();
        Assert.Equal((spawned, seriesTicker), (created.Text("event_ticker"), created.Text("series_ticker")));
        var createdMarket = frames.First(f => f.Type() == "market_lifecycle_v2" && f.Msg().Text("event_type") == "created").Msg();
        Assert.StartsWith(spawned + "-", createdMarket.Text("market_ticker"), StringComparison.Ordinal);
        Assert.True(createdMarket.GetProperty("close_ts").GetInt64() > createdMarket.GetProperty("open_ts").GetInt64());
        Assert.Equal(spawned, createdMarket.GetProperty("additional_metadata").Text("event_ticker"));
    }

    [Fact]
    public async Task EveryEvent_SettlesConsistently_LaddersMonotoneAndOneWinnerAtMost()
    {
        _host.Time.Advance(TimeSpan.FromDays(31));
        _host.Exchange.Tick();

        var markets = await _host.AllMarketsAsync("&status=settled");
        Assert.True(markets.Count >= 48, $"{markets.Count} settled");
        foreach (var group in markets.GroupBy(m => m.Text("event_ticker")))
        {
            var results = group.Select(m => (Strike: m.TryGetProperty("floor_strike", out var k) ? k.GetDecimal() : (decimal?)null, Yes: m.Text("result") == "yes")).ToList();
            Assert.All(group, m => Assert.Equal("finalized", m.Text("status")));
            if (results.All(r => r.Strike is not null) && group.First().Text("strike_type") == "greater")
            {
                // Above K: once a strike fails, every higher strike fails too.
                var ordered = results.OrderBy(r => r.Strike).Select(r => r.Yes).ToList();
                Assert.True(ordered.SkipWhile(y => y).All(y => !y), $"{group.Key}: {string.Join(",", ordered)}");
            }
            else
            {
                Assert.InRange(results.Count(r => r.Yes), 0, 1);
            }
        }
    }

    private (string Ticker, DateTimeOffset Close) SoonestClosing()
    {
        (string, DateTimeOffset) soonest = default;
        _host.Exchange.Inspect(() =>
        {
            var market = _host.Exchange.World.Markets.Where(m => m.Status == MarketStatus.Active).MinBy(m => m.CloseTime)!;
            soonest = (market.Ticker, market.CloseTime);
        });
        return soonest;
    }

    private List<string> Events(string seriesTicker)
    {
        var events = new List<string>();
        _host.Exchange.Inspect(() => events.AddRange(_host.Exchange.World.Events.Where(e => e.Series.Ticker == seriesTicker).Select(e => e.EventTicker)));
        return events;
    }
}
