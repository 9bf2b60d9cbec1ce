using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Trading;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Trading;

public class TradingCycleTests
{
    [Fact]
    public async Task RunAsync_MarketWithEdge_ProposesATradeCappedBySingleTradeLimit()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal((1, 1, 1, 1, 1, 1), (report.Scanned, report.Priced, report.WithEdge, report.Sized, report.RiskPassed, report.Proposed));
        Assert.Equal(("yes", 0.55m, 44m, 24.20m, 0.77m), (proposal.Side, proposal.Price, proposal.Contracts, proposal.Cost, proposal.Fee));
        Assert.Equal(0.66, proposal.ProbabilityYes, 10);
        Assert.Equal(0.0927, Math.Round(proposal.Edge, 4));
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal(EngineHarness.Start.AddMinutes(10), proposal.ExpiresAt);
        Assert.Equal("kd-" + proposal.Id.ToString("N"), proposal.ClientOrderId);
        Assert.Equal("""{"market-implied":0.66}""", proposal.ModelEstimates);
        Assert.Contains(desk.Events, e => e is ProposalCreated created && created.ProposalId == proposal.Id);
        var run = await context.CycleRuns.SingleAsync();
        Assert.Equal((1, 1, "balanced"), (run.Scanned, run.Proposed, run.Preset));
    }

    [Fact]
    public async Task RunAsync_NoEdge_RecordsWhyInTheFunnel()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").ClosesIn(TimeSpan.FromMinutes(20)).Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((2, 2, 1, 1, 0, 0), (report.Scanned, report.Priced, report.WithEdge, report.Sized, report.RiskPassed, report.Proposed));
        Assert.Equal(1, report.SkipReasons["no edge"]);
        Assert.Equal(1, report.SkipReasons["time to close"]);
    }

    [Fact]
    public async Task RunAsync_Twice_KeepsOnePendingProposalPerMarket()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();

        await cycle.RunAsync();
        var second = await cycle.RunAsync();

        Assert.Equal(0, second.Proposed);
        Assert.Equal(1, second.SkipReasons["pending"]);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(1, await context.Proposals.CountAsync());
    }

    [Fact]
    public async Task RunAsync_AfterTheLifetime_ExpiresTheOldProposalAndProposesAgain()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();
        await cycle.RunAsync();

        desk.Time.Advance(TimeSpan.FromMinutes(10));
        await cycle.RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var statuses = await context.Proposals.OrderBy(p => p.CreatedAt).Select(p => p.Status).ToListAsync();
        Assert.Equal([ProposalStatus.Expired, ProposalStatus.Pending], statuses);
        Assert.Contains(desk.Events, e => e is ProposalChanged { Status: ProposalStatus.Expired });
    }

    [Fact]
    public async Task RunAsync_AgainstTheSandbox_ProposesWithinTheLimits()
    {
        await using var desk = await EngineHarness.WithSandboxAsync();

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.True(report.Scanned >= 40, $"scanned {report.Scanned}");
        Assert.True(report.Proposed >= 1, $"funnel {report.Scanned}/{report.Priced}/{report.WithEdge}/{report.Sized}/{report.RiskPassed}/{report.Proposed}: {string.Join(", ", report.SkipReasons)}");
        Assert.True(report.Scanned >= report.Priced && report.Priced >= report.WithEdge && report.WithEdge >= report.Sized && report.Sized >= report.RiskPassed && report.RiskPassed >= report.Proposed);
        await using var context = await desk.Db.CreateDbContextAsync();
        var proposals = await context.Proposals.ToListAsync();
        Assert.Equal(report.Proposed, proposals.Count);
        Assert.All(proposals, p =>
        {
            Assert.True(p.Edge >= 0.03, $"{p.Ticker} edge {p.Edge}");
            Assert.True(p.Cost + p.Fee <= 25m, $"{p.Ticker} outlay {p.Cost + p.Fee}");
            Assert.Equal(decimal.Round(p.Contracts, 2), p.Contracts);
            Assert.True(p.Contracts > 0);
        });
        Assert.Equal(proposals.Count, proposals.Select(p => p.Ticker).Distinct().Count());
    }
}
