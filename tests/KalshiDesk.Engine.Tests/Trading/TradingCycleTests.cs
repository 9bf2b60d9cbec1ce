using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi.Models;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // The ensemble, equal weights: market-implied 0.66, favourite-longshot at the 70¢ trade 0.69584, and once the book
        // is read for sizing, order flow 0.54 (a balanced book leaves the mid). σ(mean of the three logits) = 0.634229.
        Assert.Equal(LogOdds.Logistic((LogOdds.Logit(0.66) + LogOdds.Logit(0.69584) + LogOdds.Logit(0.54)) / 3), proposal.ProbabilityYes, 10);
        Assert.Equal(0.634229, proposal.ProbabilityYes, 6);
        Assert.Equal(0.0669, Math.Round(proposal.Edge, 4));
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal(EngineHarness.Start.AddMinutes(10), proposal.ExpiresAt);
        Assert.Equal("kd-" + proposal.Id.ToString("N"), proposal.ClientOrderId);
        Assert.Equal("""{"market-implied":0.66,"favourite-longshot":0.69584,"order-flow":0.54}""", proposal.ModelEstimates);
        Assert.Contains(desk.Events, e => e is ProposalCreated created && created.ProposalId == proposal.Id);
        var run = await context.CycleRuns.SingleAsync();
        Assert.Equal((1, 1, "balanced"), (run.Scanned, run.Proposed, run.Preset));
    }

    [Fact]
    public async Task RunAsync_ModelsDisagreeTooMuch_TheRiskGateSitsOut()
    {
        // A 95¢ print against a 53/55 quote: market-implied 0.8475, favourite-longshot 0.95775, order flow 0.54. The logits'
        // population sd is 1.209, above the balanced preset's 0.50, so the edge is not traded.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.95m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((1, 1, 1, 1, 0, 0), (report.Scanned, report.Priced, report.WithEdge, report.Sized, report.RiskPassed, report.Proposed));
        Assert.Equal(1, report.SkipReasons[RiskGate.Disagreement]);
        var blend = desk.Get<EnsembleForecaster>().Forecast(exchange.Markets.Values.Single(), new ForecastContext(exchange.Markets.Values).WithBook("KXHIGHNY-26NOV24-T60", exchange.Books["KXHIGHNY-26NOV24-T60"]), EngineHarness.Start)!;
        Assert.Equal(1.209186, blend.Disagreement, 6);
    }

    [Fact]
    public async Task RunAsync_MutuallyExclusiveEvent_ProposalCarriesTheEventConsistentPrice()
    {
        // The exchange says the Fed event has one winner: mids 0.54 + 0.50 = 1.04, so H0's consistent price is 0.54 / 1.04.
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Ticker("KXFEDDECISION-26DEC-H0").Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXFEDDECISION-26DEC-C25").Quote(0.49m, 0.51m).Last(0.50m).Build());
        exchange.Events.Add(new EventInfo("KXFEDDECISION-26DEC", "KXFEDDECISION", "Fed decision in December?", string.Empty, true, "MECNET", null, null, null, []));
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposal = await context.Proposals.SingleAsync();
        Assert.Equal(1, report.Proposed);
        Assert.Equal("KXFEDDECISION-26DEC-H0", proposal.Ticker);
        Assert.Equal("""{"market-implied":0.66,"favourite-longshot":0.69584,"order-flow":0.54,"event-consistency":0.519231}""", proposal.ModelEstimates);
        var logits = new[] { 0.66, 0.69584, 0.54, 0.54 / 1.04 }.Select(LogOdds.Logit).ToArray();
        Assert.Equal(LogOdds.Logistic(logits.Average()), proposal.ProbabilityYes, 10);
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

    [Fact]
    public async Task RunAsync_ThreeMarketsOfOneEvent_AreSizedJointlyInsideTheEventCap()
    {
        // The event cap is overridden to 4% of $1,000 = $40. Alone, each market would take the single-trade cap: 44 at
        // 0.55 = $24.20 + $0.77. The first does; the second gets the $15.03 left: 26 = $14.30 + $0.46; the third the
        // $0.27 left, which buys nothing.
        var exchange = new FakeExchange();
        foreach (var strike in new[] { "T60", "T62", "T64" })
        {
            exchange.Set(new MarketBuilder().Ticker($"KXHIGHNY-26NOV24-{strike}").Last(0.70m).Build());
        }

        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<RiskSettings>().SetOverrideAsync("maxEventExposure", 0.04m, "admin");

        var report = await desk.Get<TradingCycle>().RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var proposals = await context.Proposals.OrderBy(p => p.Ticker).ToListAsync();
        Assert.Equal(
            [("KXHIGHNY-26NOV24-T60", 44m, 24.20m, 0.77m), ("KXHIGHNY-26NOV24-T62", 26m, 14.30m, 0.46m)],
            proposals.Select(p => (p.Ticker, p.Contracts, p.Cost, p.Fee)));
        Assert.Equal("event exposure: $24.97 exceeds the $15.03 allowed; 26.00 contracts fit", proposals[1].RiskNotes);
        Assert.True(proposals.Sum(p => p.Cost + p.Fee) <= 40m);
        Assert.Equal((2, 1), (report.Proposed, report.SkipReasons[RiskGate.EventExposure]));
        Assert.Equal(new GateCount(1, 1, 1), report.Gates[RiskGate.EventExposure]);
    }

    [Fact]
    public async Task RunAsync_ProposalStillWaitingFromAnEarlierCycle_KeepsItsRoomReserved()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T60").Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<RiskSettings>().SetOverrideAsync("maxEventExposure", 0.04m, "admin");
        var cycle = desk.Get<TradingCycle>();
        await cycle.RunAsync();
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").Last(0.70m).Build());

        await cycle.RunAsync();

        await using var context = await desk.Db.CreateDbContextAsync();
        var second = await context.Proposals.SingleAsync(p => p.Ticker == "KXHIGHNY-26NOV24-T62");
        Assert.Equal(26m, second.Contracts);
    }

    [Fact]
    public async Task RunAsync_EveryGate_IsCountedPassedAndFailedInTheReportAndTheRun()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T62").ClosesIn(TimeSpan.FromMinutes(20)).Last(0.70m).Build());
        exchange.Set(new MarketBuilder().Ticker("KXHIGHNY-26NOV24-T64").Status(MarketStatus.Inactive).Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(new GateCount(2, 0, 1), report.Gates[RiskGate.MarketOpen]);
        Assert.Equal(new GateCount(2, 0, 0), report.Gates[MarketSitOut.DataAge]);
        Assert.Equal(new GateCount(2, 0, 0), report.Gates[MarketSitOut.Rules]);
        Assert.Equal(new GateCount(2, 0, 0), report.Gates[RiskGate.TradingState]);
        Assert.Equal(new GateCount(1, 0, 1), report.Gates[RiskGate.TimeToClose]);
        Assert.Equal(new GateCount(2, 0, 0), report.Gates[MarketSitOut.Depth]);
        Assert.Equal(new GateCount(1, 0, 0), report.Gates[RiskGate.Cash]);
        Assert.Equal((1, 1, 1), (report.Proposed, report.SkipReasons[RiskGate.MarketOpen], report.SkipReasons[RiskGate.TimeToClose]));
        Assert.Equal(("active", (string?)null), (report.TradingState, report.SitOut));
        await using var context = await desk.Db.CreateDbContextAsync();
        var run = await context.CycleRuns.SingleAsync();
        Assert.Equal("active", run.TradingState);
        Assert.Contains("\"time to close\":{\"passed\":1,\"shrunk\":0,\"failed\":1}", run.Gates, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DataOlderThanTheLimit_SitsTheMarketOut()
    {
        var exchange = new FakeExchange { DataLag = TimeSpan.FromMinutes(6) };
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((1, 0, 0), (report.Scanned, report.Priced, report.Proposed));
        Assert.Equal(1, report.SkipReasons[MarketSitOut.DataAge]);
        Assert.Equal(new GateCount(0, 0, 1), report.Gates[MarketSitOut.DataAge]);
    }

    [Fact]
    public async Task RunAsync_ExchangeNotTrading_SitsOutEveryEntryWithTheReason()
    {
        var exchange = new FakeExchange { Status = new Kalshi.ExchangeStatus(true, false) };
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(0, report.Proposed);
        Assert.Equal(1, report.SkipReasons[RiskGate.SitOut]);
        Assert.Equal("exchange not trading: trading is paused on the exchange (GET /exchange/status)", report.SitOut);
    }

    [Fact]
    public async Task RunAsync_ApiErrorsHigh_SitsOutEveryEntry()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var health = desk.Get<ExchangeHealth>();
        for (var i = 0; i < 12; i++)
        {
            health.Record(i < 2);
        }

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(0, report.Proposed);
        Assert.Equal("API errors high: 10 of the last 12 exchange requests failed within 5 min (limit 50%)", report.SitOut);
        desk.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(health.SitOutReason);
    }

    [Fact]
    public async Task RunAsync_TermsChanged_SitsTheMarketOutForTheCooldown()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        var cycle = desk.Get<TradingCycle>();
        await cycle.RunAsync();
        exchange.Set(new MarketBuilder().ClosesIn(TimeSpan.FromDays(3)).Last(0.70m).Build());

        desk.Time.Advance(TimeSpan.FromMinutes(1));
        var changed = await cycle.RunAsync();
        desk.Time.Advance(TimeSpan.FromMinutes(60));
        var later = await cycle.RunAsync();

        Assert.Equal(1, changed.SkipReasons[MarketSitOut.Rules]);
        Assert.False(later.SkipReasons.ContainsKey(MarketSitOut.Rules));
        Assert.Equal(1, later.Proposed);
    }

    [Fact]
    public async Task RunAsync_TooFewContractsOfferedWithEdge_SitsOutForDepth()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build(), depth: 50m);
        await using var desk = await EngineHarness.WithFakeAsync(exchange, services: s => s.Configure<RiskOptions>(o => o.MinDepthContracts = 100m));

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal(0, report.Proposed);
        Assert.Equal(1, report.SkipReasons[MarketSitOut.Depth]);
        Assert.Equal(new GateCount(0, 0, 1), report.Gates[MarketSitOut.Depth]);
    }

    [Fact]
    public async Task RunAsync_Halted_SkipsEveryEntryWithTheReason()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        await using var desk = await EngineHarness.WithFakeAsync(exchange);
        await desk.Get<KillSwitch>().PullAsync("admin", flatten: false);

        var report = await desk.Get<TradingCycle>().RunAsync();

        Assert.Equal((0, 1), (report.Proposed, report.SkipReasons["halted"]));
        Assert.Equal("halted", report.TradingState);
        Assert.Equal(new GateCount(0, 0, 1), report.Gates[RiskGate.TradingState]);
        Assert.Equal((1, 0), (report.Sized, report.RiskPassed));
    }
}
