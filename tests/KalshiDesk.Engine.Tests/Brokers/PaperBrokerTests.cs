using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Kalshi;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Brokers;

public class PaperBrokerTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";

    /// <summary>YES offered 10 at 0.55 and 10 at 0.60; 50 YES bid at 0.53.</summary>
    private static FakeExchange TwoLevels()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Build());
        exchange.Books[Ticker] = new OrderBook(
            [new BookLevel(Price.Parse("0.53"), Quantity.Of(50))],
            [new BookLevel(Price.Parse("0.45"), Quantity.Of(10)), new BookLevel(Price.Parse("0.40"), Quantity.Of(10))]);
        return exchange;
    }

    [Fact]
    public async Task Approve_ProposalSizedAcrossTwoLevels_TakesBothAtItsLimitAndBooksTheWalkedCost()
    {
        // Proposed at p 0.70: 10 at 0.55 + 10 at 0.60 = 11.50, fee ceil(0.17325 + 0.168) = 0.35; the limit is 0.60.
        var exchange = TwoLevels();
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var id = Guid.CreateVersion7(EngineHarness.Start);
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.Proposals.Add(new ProposalEntity
            {
                Id = id,
                CycleId = id,
                CreatedAt = EngineHarness.Start,
                ExpiresAt = EngineHarness.Start.AddMinutes(10),
                Ticker = Ticker,
                EventTicker = "KXHIGHNY-26NOV24",
                Title = "NYC above 60°F",
                Side = "yes",
                ProbabilityYes = 0.70,
                Price = 0.60m,
                Contracts = 20m,
                Cost = 11.50m,
                Fee = 0.35m,
                FeePerContract = 0.0170625m,
                Edge = 0.1079375,
                KellyFraction = 0.26,
                Preset = "balanced",
                Status = ProposalStatus.Pending,
                ClientOrderId = "kd-" + id.ToString("N"),
            });
            await context.SaveChangesAsync();
        }

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        var position = Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        Assert.Equal((20m, 11.50m, 0.35m, 0.575m), (position.Contracts, position.Cost, position.FeesPaid, position.AveragePrice));
        await using var after = await desk.Db.CreateDbContextAsync();
        var order = await after.Orders.SingleAsync();
        Assert.Equal((0.60m, OrderStatuses.Executed, 20m), (order.LimitPrice, order.Status, order.Filled));
    }

    [Fact]
    public async Task ExecuteAsync_GoodTillCanceled_TakesWhatCrossesAndRestsTheRest()
    {
        await using var desk = await EngineHarness.WithFakeAsync(TwoLevels());
        var broker = new PaperBroker(desk.Get<MarketFeed>());

        var result = await broker.ExecuteAsync(new OrderRequest(Ticker, "kd-gtc", Side.Yes, Price.Parse("0.55"), Quantity.Of(25), TimeInForce.GoodTillCanceled), FeeSchedule.Standard);

        Assert.Equal((10m, 15m, 5.50m, 0.18m), (result.Filled.Contracts, result.Resting.Contracts, result.Cost.Dollars, result.Fee.Dollars));
    }

    [Fact]
    public async Task ExecuteAsync_ImmediateOrCancel_LeavesNothingResting()
    {
        await using var desk = await EngineHarness.WithFakeAsync(TwoLevels());

        var result = await new PaperBroker(desk.Get<MarketFeed>()).ExecuteAsync(new OrderRequest(Ticker, "kd-ioc", Side.Yes, Price.Parse("0.55"), Quantity.Of(25), TimeInForce.ImmediateOrCancel), FeeSchedule.Standard);

        Assert.Equal((10m, 0m), (result.Filled.Contracts, result.Resting.Contracts));
    }

    [Fact]
    public async Task ExecuteAsync_CentiCentRounding_ChargesTheFeeToTheHundredthOfACent()
    {
        await using var desk = await EngineHarness.WithFakeAsync(TwoLevels());

        var result = await new PaperBroker(desk.Get<MarketFeed>()).ExecuteAsync(new OrderRequest(Ticker, "kd-cc", Side.Yes, Price.Parse("0.60"), Quantity.Of(20), TimeInForce.ImmediateOrCancel), FeeSchedule.Standard with { Rounding = FeeRounding.CentiCent });

        Assert.Equal(0.3413m, result.Fee.Dollars);
    }
}
