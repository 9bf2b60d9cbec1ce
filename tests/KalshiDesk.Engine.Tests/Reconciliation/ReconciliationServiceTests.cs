using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Proposals;
using KalshiDesk.Engine.Reconciliation;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Kalshi.Models;
using KalshiDesk.TestKit.Builders;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Reconciliation;

public class ReconciliationServiceTests
{
    private const string Ticker = "KXHIGHNY-26NOV24-T60";

    /// <summary>A live desk whose one approval went out and never came back.</summary>
    private static async Task<(EngineHarness Desk, FakeExchange Exchange, FakeExchangeAccount Account, Guid ProposalId)> UnknownOrderAsync()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var account = new FakeExchangeAccount();
        var desk = await EngineHarness.WithFakeAsync(exchange, live: true, account: account);
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        exchange.OrderFailure = new HttpRequestException("Connection reset by peer");
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        exchange.OrderFailure = null;
        return (desk, exchange, account, id);
    }

    [Fact]
    public async Task Run_UnknownOrderFoundExecuted_BooksItExactlyAndUnblocksTheMarket()
    {
        var (desk, _, account, id) = await UnknownOrderAsync();
        await using var _ = desk;
        account.Filled("ord-1", "kd-" + id.ToString("N"), Ticker, 44m, 0.55m, 0.77m, EngineHarness.Start);
        account.Cash = new Money(975.03m);

        var report = await desk.Get<ReconciliationService>().RunAsync();

        Assert.Equal((1, 1, 0), (report.OrdersChecked, report.FillsImported, report.SettlementsImported));
        Assert.Equal(2, report.Differences.Count);
        Assert.StartsWith($"order {Ticker}: desk kd-", report.Differences[0], StringComparison.Ordinal);
        Assert.Equal($"fill {Ticker}: desk 0 for $0.00 + $0.00 fee, exchange 44 for $24.20 + $0.77 fee; booked as the exchange filled them", report.Differences[1]);
        var account2 = await desk.Get<PortfolioReader>().ReadAsync();
        var position = Assert.Single(account2.Positions);
        Assert.Equal((44m, 24.20m, 0.77m), (position.Contracts, position.Cost, position.FeesPaid));
        Assert.Equal(975.03m, account2.Cash);
        Assert.Equal(ProposalStatus.Executed, Enum.Parse<ProposalStatus>((await desk.Get<ProposalService>().GetAsync(id))!.Status, true));
        var next = await desk.Get<TradingCycle>().RunAsync();
        Assert.False(next.SkipReasons.ContainsKey("unknown order"));
    }

    [Fact]
    public async Task Run_UnknownOrderNotOnTheExchange_IsProvedAbsentAfterAMinute()
    {
        var (desk, _, _, id) = await UnknownOrderAsync();
        await using var _ = desk;
        var service = desk.Get<ReconciliationService>();

        var early = await service.RunAsync();
        desk.Time.Advance(TimeSpan.FromSeconds(61));
        var later = await service.RunAsync();

        Assert.Empty(early.Differences);
        Assert.EndsWith("the exchange never received it; the market is open to new orders again", Assert.Single(later.Differences), StringComparison.Ordinal);
        var view = (await desk.Get<ProposalService>().GetAsync(id))!;
        Assert.Equal(("failed", "the exchange never received the order"), (view.Status, view.Reason));
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Absent, (await context.Orders.SingleAsync()).Status);
    }

    [Fact]
    public async Task Run_CashDiffers_AdjustsTowardTheExchangeOnce()
    {
        var exchange = new FakeExchange();
        var account = new FakeExchangeAccount { Cash = new Money(1012.34m) };
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true, account: account);
        var service = desk.Get<ReconciliationService>();

        var first = await service.RunAsync();
        var second = await service.RunAsync();

        Assert.Equal("balance : desk $1000.00, exchange $1012.34; cash adjusted by +12.34", Assert.Single(first.Differences));
        Assert.Empty(second.Differences);
        Assert.Equal(1012.34m, (await desk.Get<PortfolioReader>().ReadAsync()).Cash);
    }

    [Fact]
    public async Task Run_Settlement_PaysOutClosesThePositionAndIsImportedOnce()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var account = new FakeExchangeAccount();
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true, account: account);
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        Assert.True((await desk.Get<ProposalService>().ApproveAsync(id, "alice")).Succeeded);
        account.Filled("fake-kd-" + id.ToString("N"), "kd-" + id.ToString("N"), Ticker, 44m, 0.55m, 0.77m, EngineHarness.Start);
        account.Positions.Clear();
        account.Settlements.Add(new Settlement(Ticker, "KXHIGHNY-26NOV24", SettlementResult.Yes, Quantity.Of(44m), new Money(24.20m), Quantity.Zero, Money.Zero, new Money(44m), new Money(0.77m), EngineHarness.Start.AddDays(1), new Money(1m)));
        account.Cash = new Money(975.03m + 44m);
        var service = desk.Get<ReconciliationService>();

        var first = await service.RunAsync();
        var second = await service.RunAsync();

        Assert.Equal((1, 0), (first.SettlementsImported, first.Differences.Count));
        Assert.Equal((0, 0), (second.SettlementsImported, second.Differences.Count));
        var portfolio = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Empty(portfolio.Positions);
        Assert.Equal(1019.03m, portfolio.Cash);
        Assert.Equal(19.03m, portfolio.Pnl);
        await using var context = await desk.Db.CreateDbContextAsync();
        Assert.Equal("fill-fake-kd-" + id.ToString("N"), (await context.Fills.SingleAsync()).ExchangeFillId);
    }

    [Fact]
    public async Task Run_PositionDiffers_TakesTheExchangesCount()
    {
        var exchange = new FakeExchange();
        exchange.Set(new MarketBuilder().Last(0.70m).Build());
        var account = new FakeExchangeAccount();
        await using var desk = await EngineHarness.WithFakeAsync(exchange, live: true, account: account);
        var id = (await desk.Get<TradingCycle>().RunAsync()).ProposalIds.Single();
        await desk.Get<ProposalService>().ApproveAsync(id, "alice");
        account.Filled("fake-kd-" + id.ToString("N"), "kd-" + id.ToString("N"), Ticker, 44m, 0.55m, 0.77m, EngineHarness.Start);
        account.Positions[0] = account.Positions[0] with { Contracts = Quantity.Of(40m) };
        account.Cash = new Money(975.03m);

        var report = await desk.Get<ReconciliationService>().RunAsync();

        Assert.Equal($"position {Ticker}: desk +44, exchange +40; position set to the exchange's count", Assert.Single(report.Differences));
        var position = Assert.Single((await desk.Get<PortfolioReader>().ReadAsync()).Positions);
        Assert.Equal((40m, 22.00m), (position.Contracts, position.Cost));
    }

    [Fact]
    public async Task Run_AfterTheSandboxSettlesTheMarkets_ImportsEachPayoutOnceAndTheLedgerStillMatches()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(live: true, paperAccount: false);
        var service = desk.Get<ReconciliationService>();
        await service.RunAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();
        var taken = report.ProposalIds.Take(3).ToList();
        Assert.True(taken.Count >= 2, $"the first cycle proposed {taken.Count}");
        foreach (var id in taken)
        {
            Assert.True((await desk.Get<ProposalService>().ApproveAsync(id, "alice")).Succeeded);
        }

        await service.RunAsync();
        var holding = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(taken.Count, holding.Positions.Count);

        // A month on, every market has closed, been determined and settled on the exchange.
        desk.Time.Advance(TimeSpan.FromDays(31));
        var settled = await service.RunAsync();
        var again = await service.RunAsync();

        Assert.Equal(taken.Count, settled.SettlementsImported);
        Assert.Empty(settled.Differences);
        Assert.Equal((0, 0), (again.SettlementsImported, again.Differences.Count));
        using var http = desk.SandboxClient();
        var balance = await http.GetFromJsonAsync<JsonElement>("portfolio/balance");
        var exchangeCash = decimal.Parse(balance.GetProperty("balance_dollars").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var settlements = await http.GetFromJsonAsync<JsonElement>("portfolio/settlements");
        var payouts = settlements.GetProperty("settlements").EnumerateArray().Sum(s => s.GetProperty("revenue").GetInt64()) / 100m;
        var portfolio = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Empty(portfolio.Positions);
        Assert.Equal(exchangeCash, portfolio.Cash);
        Assert.Equal(taken.Count, settlements.GetProperty("settlements").GetArrayLength());
        Assert.Equal(holding.Cash + payouts, portfolio.Cash);
    }

    [Fact]
    public async Task Run_AgainstTheSandbox_LedgerMatchesTheExchangeAndASecondRunFindsNothing()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(live: true, paperAccount: false);
        var service = desk.Get<ReconciliationService>();
        var opening = await service.RunAsync();
        var report = await desk.Get<TradingCycle>().RunAsync();
        var taken = report.ProposalIds.Take(3).ToList();
        Assert.True(taken.Count >= 2, $"the first cycle proposed {taken.Count}");
        foreach (var id in taken)
        {
            Assert.True((await desk.Get<ProposalService>().ApproveAsync(id, "alice")).Succeeded);
        }

        var after = await service.RunAsync();
        var again = await service.RunAsync();

        Assert.Empty(opening.Differences);
        Assert.Empty(again.Differences);
        Assert.True(after.FillsImported >= taken.Count, $"fills imported {after.FillsImported}");
        using var http = desk.SandboxClient();
        var balance = await http.GetFromJsonAsync<JsonElement>("portfolio/balance");
        var exchangeCash = decimal.Parse(balance.GetProperty("balance_dollars").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var portfolio = await desk.Get<PortfolioReader>().ReadAsync();
        Assert.Equal(exchangeCash, portfolio.Cash);
        Assert.Equal(taken.Count, portfolio.Positions.Count);
    }
}
