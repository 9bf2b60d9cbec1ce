using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Reconciliation;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi.Models;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Engine.Tests.Risk;

/// <summary>The circuit breaker wired into the desk: tripped by real losses, kept across a restart, ended by the New York day.</summary>
public class CircuitBreakerScenarioTests
{
    private static Settlement Lost(string ticker, DateTimeOffset at) =>
        new(ticker, ticker[..ticker.LastIndexOf('-')], SettlementResult.No, Quantity.Of(10), new Money(5.50m), Quantity.Zero, Money.Zero, Money.Zero, new Money(0.18m), at, Money.Zero);

    [Fact]
    public async Task LosingStreak_SixLosingSettlementsThroughReconciliation_HaltsAndARestartKeepsItHalted()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var account = new FakeExchangeAccount();
        var resting = new FakeRestingOrders { Resting = { "ord-resting-1", "ord-resting-2" } };
        var desk = await EngineHarness.WithFakeAsync(exchange, live: true, account, s => s.AddSingleton<IExchangeRestingOrders>(resting));
        var proposal = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        var reconciliation = desk.Get<ReconciliationService>();

        // Five markets settle against the desk (each cost $5.50 and $0.18 in fees, paid nothing): balanced allows six.
        for (var i = 0; i < 5; i++)
        {
            account.Settlements.Add(Lost($"KXLOSS-26NOV23-T{i}", EngineHarness.Start.AddMinutes(i)));
        }

        await reconciliation.RunAsync();
        var afterFive = await desk.Get<RiskMonitor>().ReadAsync();
        account.Settlements.Add(Lost("KXLOSS-26NOV23-T5", EngineHarness.Start.AddMinutes(5)));
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        await reconciliation.RunAsync();
        var tripped = await desk.Get<RiskMonitor>().ReadAsync();

        Assert.Equal((TradingState.Active, 5), (afterFive!.State, afterFive.LosingStreak));
        Assert.Equal((TradingState.Halted, HaltCause.LosingStreak, 6), (tripped!.State, tripped.Cause, tripped.LosingStreak));
        Assert.Equal("losing streak: 6 settlements in a row lost money; the balanced limit is 6; an admin resumes", tripped.Reason);
        Assert.Equal(["ord-resting-1", "ord-resting-2"], resting.Cancelled);
        Assert.Contains(desk.Events, e => e is RiskStateChanged { State: "halted" });

        await using var restarted = await desk.RestartAsync();
        await using (desk)
        {
            var state = await restarted.Get<RiskMonitor>().ReadAsync();
            var approval = await restarted.Get<ProposalService>().ApproveAsync(proposal, "alice");
            var cycle = await restarted.Get<TradingCycle>().RunAsync();

            Assert.Equal((TradingState.Halted, HaltCause.LosingStreak), (state!.State, state.Cause));
            Assert.False(approval.Succeeded);
            Assert.Equal(ProposalStatus.Failed, approval.Status);
            Assert.Equal("limits: halted: losing streak: 6 settlements in a row lost money; the balanced limit is 6; an admin resumes", approval.Reason);
            Assert.Empty(exchange.Orders);
            Assert.Equal(("halted", 0), (cycle.TradingState, cycle.Proposed));
            await using var context = await restarted.Db.CreateDbContextAsync();
            var audit = await context.Audit.Where(a => a.Action == "risk.halt").SingleAsync();
            Assert.Equal((RiskMonitor.Breaker, "active", "halted"), (audit.Actor, audit.OldValue, audit.NewValue));
            Assert.All(await context.Settlements.ToListAsync(), s => Assert.Equal(-5.68m, s.Pnl));
        }
    }

    [Fact]
    public async Task DailyLoss_TripsOnTheMarkAndEndsAtNewYorkMidnightNotAnHourEarlier()
    {
        // 1% of the $1,000 the day began with (an override of balanced's 4%): 44 YES bought at 0.55 and marked at a
        // 0.30 mid leave equity at 975.03 + 13.20 = 988.23, $11.77 down.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<RiskSettings>().SetOverrideAsync("dailyLossLimit", 0.01m, "admin");
        var cycle = desk.Get<TradingCycle>();
        var id = (await cycle.RunAsync()).ProposalIds.Single();
        Assert.True((await desk.Get<ProposalService>().ApproveAsync(id, "alice")).Succeeded);
        exchange.Set(new MarketBuilder().Quote(0.29m, 0.31m).Last(0.30m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").Last(0.70m).Build());

        var marked = await cycle.RunAsync();
        var halted = await desk.Get<RiskMonitor>().ReadAsync();

        // November: New York is on EST, so its midnight is 05:00 UTC. At 04:30 UTC (23:30 EST) the day has not turned,
        // though it would have on daylight time.
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 4, 30, 0, TimeSpan.Zero));
        var beforeMidnight = await cycle.RunAsync();
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 5, 0, 30, TimeSpan.Zero));
        var afterMidnight = await cycle.RunAsync();
        var resumed = await desk.Get<RiskMonitor>().ReadAsync();

        Assert.Equal(("halted", 1), (marked.TradingState, marked.SkipReasons["halted"]));
        Assert.Equal((TradingState.Halted, HaltCause.DailyLoss), (halted!.State, halted.Cause));
        Assert.Equal("daily loss limit: down $11.77 (1.18%) since the New York day began at $1,000.00; the balanced limit is 1% ($10.00); resumes the next New York day", halted.Reason);
        Assert.Equal("halted", beforeMidnight.TradingState);
        Assert.Equal("active", afterMidnight.TradingState);
        Assert.Equal((TradingState.Active, new DateOnly(2026, 11, 24), 988.23m), (resumed!.State, resumed.TradingDay, resumed.DayStartEquity));
        var report = await desk.Get<RiskReader>().ReadAsync();
        var resume = report.Audit.First(a => a.Action == "risk.resume");
        Assert.Equal((RiskMonitor.Breaker, "a new New York day began: the daily-loss halt ends", "halted", "active"), (resume.Actor, resume.Details, resume.OldValue, resume.NewValue));
    }

    [Fact]
    public async Task Report_WhileHaltedByTheDailyLoss_SaysWhenItResumesAndShowsTheMeasures()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<RiskSettings>().SetOverrideAsync("dailyLossLimit", 0.01m, "admin");
        var cycle = desk.Get<TradingCycle>();
        var id = (await cycle.RunAsync()).ProposalIds.Single();
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        exchange.Set(new MarketBuilder().Quote(0.29m, 0.31m).Last(0.30m).Build());
        await cycle.RunAsync();

        var report = await desk.Get<RiskReader>().ReadAsync();

        Assert.Equal(("halted", "daily-loss", "the next New York day"), (report.State, report.Cause, report.ResumesBy));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero), report.ResumesAt);
        Assert.Equal((1000m, 988.23m, 11.77m, 10m, 0), (report.Measures!.DayStartEquity, report.Measures.Equity, report.Measures.DailyLoss, report.Measures.DailyLossLimit, report.Measures.LosingStreak));
        var daily = report.Limits.Single(l => l.Name == "dailyLossLimit");
        Assert.Equal((0.01m, 0.04m, true), (daily.Value, daily.PresetValue, daily.Overridden));
        Assert.All(report.Limits.Where(l => l.Name != "dailyLossLimit"), l => Assert.False(l.Overridden));
    }

    [Fact]
    public async Task Resume_AnAdminsResumeOfAKill_TradesAgainAndIsAudited()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<KillSwitch>().PullAsync("admin", flatten: false);
        var halted = await desk.Get<TradingCycle>().RunAsync();

        var (state, refusal) = await desk.Get<RiskMonitor>().ResumeAsync("admin");
        var again = await desk.Get<RiskMonitor>().ResumeAsync("admin");
        var trading = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((0, 1), (halted.Proposed, halted.SkipReasons["halted"]));
        Assert.Null(refusal);
        Assert.Equal(TradingState.Active, state!.State);
        Assert.Equal("the desk is active, not halted: there is nothing to resume", again.Refusal);
        Assert.Equal(1, trading.Proposed);
        await using var context = await desk.Db.CreateDbContextAsync();
        var resume = await context.Audit.SingleAsync(a => a.Action == "risk.resume");
        Assert.Equal(("admin", "halted (kill-switch)", "active"), (resume.Actor, resume.OldValue, resume.NewValue));
    }
}
