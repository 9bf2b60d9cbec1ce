using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Proposals;

public class ProposalServiceTests
{
    private static async Task<(EngineHarness Desk, FakeExchange Exchange, Guid Id)> ProposedAsync()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var desk = await EngineHarness.WithFakeAsync(exchange);
        var report = await desk.Get<TradingCycle>().RunAsync();
        return (desk, exchange, report.ProposalIds.Single());
    }

    [Fact]
    public async Task ApproveAsync_FillsAgainstTheBookAndBooksCashPositionAndFee()
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(ProposalStatus.Executed, result.Status);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        var position = Assert.Single(account.Positions);
        Assert.Equal(("KXHIGHNY-26NOV24-T60", "yes", 44m, 24.20m, 0.77m, 0.55m), (position.Ticker, position.Side, position.Contracts, position.Cost, position.FeesPaid, position.AveragePrice));
        Assert.Equal(975.03m, account.Cash);
        Assert.Equal(1000m, account.Cash + position.Cost + position.FeesPaid);
        await using var context = await desk.Db.CreateDbContextAsync();
        var order = await context.Orders.SingleAsync();
        Assert.Equal(("kd-" + id.ToString("N"), "executed", 44m, "paper"), (order.ClientOrderId, order.Status, order.Filled, order.Broker));
        var fill = await context.Fills.SingleAsync();
        Assert.Equal((0.55m, 44m, 0.77m), (fill.Price, fill.Count, fill.Fee));
        var audit = await context.Audit.SingleAsync();
        Assert.Equal(("alice", "proposal.approve"), (audit.Actor, audit.Action));
        Assert.Contains(desk.Events, e => e is PositionsChanged { Ticker: "KXHIGHNY-26NOV24-T60" });
    }

    [Fact]
    public async Task ApproveAsync_Twice_SendsOneOrder()
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;
        var service = desk.Get<ProposalService>();

        await service.ApproveAsync(id, "alice");
        var again = await service.ApproveAsync(id, "bob");

        Assert.False(again.Succeeded);
        Assert.Equal("the proposal is already executed", again.Reason);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(1, await context.Orders.CountAsync());
        Assert.Equal(44m, (await context.Positions.SingleAsync()).Contracts);
    }

    [Fact]
    public async Task ApproveAsync_ManyAtOnce_ExactlyOneExecutes()
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => desk.Get<ProposalService>().ApproveAsync(id, $"trader-{i}"))));

        Assert.Single(results, r => r.Succeeded);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(1, await context.Orders.CountAsync());
        Assert.Equal(1, await context.Fills.CountAsync());
    }

    [Fact]
    public async Task ApproveAsync_AskMovedButEdgeRemains_ExecutesAtTheNewAsk()
    {
        var (desk, exchange, id) = await ProposedAsync();
        await using var _ = desk;
        exchange.Set(new MarketBuilder().Quote(0.54m, 0.56m).Last(0.70m).Build());

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        // Edge at 0.56 is 0.66 − 0.56 − 0.017248 = 0.0828; 44 × 0.56 = 24.64 + fee 0.76 = 25.40 exceeds $25, so 43 fit.
        Assert.True(result.Succeeded, result.Reason);
        var position = Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        Assert.Equal((43m, 0.56m, 24.08m), (position.Contracts, position.AveragePrice, position.Cost));
    }

    [Fact]
    public async Task ApproveAsync_EdgeGone_FailsWithTheReasonAndSpendsNothing()
    {
        var (desk, exchange, id) = await ProposedAsync();
        await using var _ = desk;
        exchange.Set(new MarketBuilder().Quote(0.62m, 0.64m).Last(0.70m).Build());

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.False(result.Succeeded);
        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Equal("edge gone: the ask moved from 0.5500 to 0.6400; edge now -0.0219 is below the balanced minimum 0.03", result.Reason);
        Assert.Equal(result.Reason, result.Proposal!.Reason);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(1000m, account.Cash);
        Assert.Empty(account.Positions);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(0, await context.Orders.CountAsync());
    }

    [Fact]
    public async Task ApproveAsync_NothingOfferedAtTheLimit_FailsAndCancelsTheOrder()
    {
        var (desk, exchange, id) = await ProposedAsync();
        await using var _ = desk;
        exchange.Books["KXHIGHNY-26NOV24-T60"] = new Domain.Markets.OrderBook([], []);

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Equal("nothing filled: no contracts offered at 0.5500 or better", result.Reason);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal("canceled", (await context.Orders.SingleAsync()).Status);
        Assert.Equal(1000m, (await desk.Get<PortfolioReader>().ReadAsync()).Cash);
    }

    [Fact]
    public async Task ApproveAsync_ExchangeUnreachable_FailsWithoutBookingAnything()
    {
        var (desk, exchange, id) = await ProposedAsync();
        await using var _ = desk;
        exchange.Failure = new HttpRequestException("connection refused");

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Equal("the exchange could not be reached to execute: connection refused", result.Reason);
        Assert.Equal(1000m, (await desk.Get<PortfolioReader>().ReadAsync()).Cash);
    }

    [Fact]
    public async Task ApproveAsync_AfterExpiry_Refuses()
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;
        desk.Time.Advance(TimeSpan.FromMinutes(11));

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.False(result.Succeeded);
        Assert.Equal(ProposalStatus.Expired, result.Status);
        Assert.Equal("the proposal expired before it was approved", result.Reason);
    }

    [Fact]
    public async Task RejectAsync_RecordsTheReasonAndWhoAndBlocksApproval()
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;
        var service = desk.Get<ProposalService>();

        var rejected = await service.RejectAsync(id, "alice", "  the forecast ignores tonight's front  ");
        var approve = await service.ApproveAsync(id, "bob");

        Assert.True(rejected.Succeeded);
        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        var view = await service.GetAsync(id);
        Assert.Equal(("rejected", "alice", "the forecast ignores tonight's front"), (view!.Status, view.DecidedBy, view.Reason));
        Assert.Equal("the proposal is already rejected", approve.Reason);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal("proposal.reject", (await context.Audit.SingleAsync()).Action);
        Assert.Equal(0, await context.Orders.CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task RejectAsync_WithoutAReason_Throws(string? reason)
    {
        var (desk, _, id) = await ProposedAsync();
        await using var _ = desk;

        await Assert.ThrowsAsync<ArgumentException>(() => desk.Get<ProposalService>().RejectAsync(id, "alice", reason));
        Assert.Equal("pending", (await desk.Get<ProposalService>().GetAsync(id))!.Status);
    }

    [Fact]
    public async Task Decisions_OnAnUnknownId_AreNotFound()
    {
        var (desk, _, _) = await ProposedAsync();
        await using var _ = desk;

        Assert.False((await desk.Get<ProposalService>().ApproveAsync(Guid.NewGuid(), "alice")).Found);
        Assert.False((await desk.Get<ProposalService>().RejectAsync(Guid.NewGuid(), "alice", "no")).Found);
    }

    [Fact]
    public async Task ApproveAsync_AgainstTheSandbox_LeavesTheLedgerBalanced()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();
        var service = desk.Get<ProposalService>();

        var results = new List<DecisionResult>();
        foreach (var id in report.ProposalIds)
        {
            results.Add(await service.ApproveAsync(id, "alice"));
        }

        Assert.Contains(results, r => r.Succeeded);
        var account = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(results.Count(r => r.Succeeded), account.Positions.Count);
        Assert.Equal(1000m, account.Cash + account.Positions.Sum(p => p.Cost + p.FeesPaid));
        Assert.All(account.Positions, p => Assert.True(p.Contracts > 0));
    }
}
