using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Brokers;

public class LiveBrokerTests
{
    [Fact]
    public async Task Approve_Live_PlacesTheOrderOnTheExchangeAndBooksWhatItSays()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(live: true);
        var report = await desk.Get<TradingCycle>().RunAsync();
        var id = report.ProposalIds.First();

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        var position = Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        using var http = desk.SandboxClient();
        var exchange = await http.GetFromJsonAsync<JsonElement>("portfolio/positions");
        var held = exchange.GetProperty("market_positions").EnumerateArray().Single(p => p.GetProperty("ticker").GetString() == position.Ticker);
        var signed = decimal.Parse(held.GetProperty("position_fp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(position.Side == "yes" ? position.Contracts : -position.Contracts, signed);
        var orders = await http.GetFromJsonAsync<JsonElement>("portfolio/orders");
        var sent = orders.GetProperty("orders").EnumerateArray().Single();
        Assert.Equal(result.Proposal!.Ticker, sent.GetProperty("ticker").GetString());
        await using var context = await desk.Db.CreateDbContextAsync();
        var order = await context.Orders.SingleAsync();
        Assert.Equal(("live", OrderStatuses.Executed, sent.GetProperty("order_id").GetString()), (order.Broker, order.Status, order.ExchangeOrderId));
        Assert.Equal(sent.GetProperty("client_order_id").GetString(), order.ClientOrderId);
        Assert.StartsWith("og-", sent.GetProperty("order_group_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_Live_EveryOrderJoinsThePresetsOrderGroup()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV25-T60").Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true);
        var ids = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds;

        await desk.Get<ProposalService>().ApproveAsync(ids[0], "alice");
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.Settings.Add(new Data.Entities.DeskSettingEntity { Key = PresetProvider.SettingKey, Value = "aggressive", UpdatedAt = EngineHarness.Start });
            await context.SaveChangesAsync();
        }

        await desk.Get<ProposalService>().ApproveAsync(ids[1], "alice");

        Assert.Equal([2_000m, 5_000m], exchange.OrderGroups.Select(q => q.Contracts));
        Assert.Equal(["og-1", "og-2"], exchange.Orders.Select(o => o.OrderGroupId));
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("reset")]
    [InlineData("503")]
    [InlineData("409")]
    public async Task Approve_OutcomeUnknown_BlocksTheMarketAndNeverResends(string fault)
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true);
        var cycle = desk.Get<TradingCycle>();
        var id = (await cycle.RunAsync()).ProposalIds.Single();
        exchange.OrderFailure = fault switch
        {
            "timeout" => new Polly.Timeout.TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:15'."),
            "reset" => new HttpRequestException("Connection reset by peer"),
            "503" => new KalshiApiException(HttpStatusCode.ServiceUnavailable, "service_unavailable", "try later", "portfolio/events/orders"),
            _ => new KalshiApiException(HttpStatusCode.Conflict, "order_already_exists", "order with this client_order_id already exists", "portfolio/events/orders"),
        };

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        var again = await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        desk.Time.Advance(TimeSpan.FromMinutes(11));
        var next = await cycle.RunAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(ProposalStatus.Approved, result.Status);
        Assert.Contains("is unknown", result.Reason, StringComparison.Ordinal);
        Assert.EndsWith("new orders on KXHIGHNY-26NOV24-T60 wait until reconciliation settles it", result.Reason, StringComparison.Ordinal);
        Assert.Equal("the proposal is already approved", again.Reason);
        Assert.Single(exchange.Orders);
        Assert.Equal(0, next.Proposed);
        Assert.Equal(1, next.SkipReasons["unknown order"]);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Unknown, (await context.Orders.SingleAsync()).Status);
        Assert.Equal(1000m, (await desk.Get<PortfolioReader>().ReadAsync()).Cash);
    }

    [Fact]
    public async Task Approve_ExchangeRefuses_FailsCleanlyWithoutBlocking()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true);
        var cycle = desk.Get<TradingCycle>();
        var id = (await cycle.RunAsync()).ProposalIds.Single();
        exchange.OrderFailure = new KalshiApiException(HttpStatusCode.BadRequest, "insufficient_balance", "insufficient balance", "portfolio/events/orders");

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        exchange.OrderFailure = null;
        var next = await cycle.RunAsync();

        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Equal("the exchange refused it: Kalshi 400 insufficient_balance on portfolio/events/orders: insufficient balance", result.Reason);
        Assert.Equal(1, next.Proposed);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Rejected, (await context.Orders.SingleAsync()).Status);
    }

    [Fact]
    public async Task Approve_LiveNoSide_BooksTheNoPriceAndTheFee()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.30m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true);
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        var sent = Assert.Single(exchange.Orders);
        var position = Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        Assert.Equal(("no", 0.47m), (position.Side, position.AveragePrice));
        Assert.Equal(decimal.Round(sent.Count.Contracts * 0.47m, 4), position.Cost);
        Assert.Equal(Domain.Pricing.KalshiFeeModel.TakerFee(sent.LimitPrice, sent.Count, Domain.Pricing.FeeSchedule.Standard).Dollars, position.FeesPaid);
    }
}
