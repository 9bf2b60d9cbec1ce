using AngleSharp.Dom;
using Bunit;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Components.Pages.Portfolio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Portfolio page's tabs over the real readers and a SQLite file.</summary>
public sealed class PortfolioPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid BuyOrder = Guid.Parse("0193f1a2-0000-7000-8000-0000000000b1");

    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteStore.OpenAsync(Start.AddDays(-1));
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton(_store.Portfolio);
        _bunit.Services.AddSingleton(new TradeHistory(_store.Db));

        // 10 YES of KXA-1 bought at 0.55 and marked at 0.60; a NO bid on KXB-1 that expired unfilled; 4 YES of KXC-1 that
        // settled YES (cost 2.20 + 0.08, paid 4).
        await _store.AddAsync(
            Ledger("buy", -5.50m, Start), Ledger("fee", -0.18m, Start), Ledger("buy", -2.20m, Start.AddHours(-20)), Ledger("fee", -0.08m, Start.AddHours(-20)), Ledger("payout", 4m, Start.AddHours(-2)),
            new PositionEntity { Ticker = "KXA-1", EventTicker = "KXA", Title = "Rain in Seattle", Side = "yes", Contracts = 10m, Cost = 5.50m, FeesPaid = 0.18m, MarkYes = 0.60m, OpenedAt = Start, UpdatedAt = Start },
            new PositionEntity { Ticker = "KXC-1", EventTicker = "KXC", Title = "Snow in Denver", Side = "yes", Contracts = 0m, OpenedAt = Start.AddHours(-20), UpdatedAt = Start.AddHours(-2) },
            new OrderEntity { Id = BuyOrder, ClientOrderId = "kd-buy-a", Broker = "paper", Ticker = "KXA-1", Side = "yes", LimitPrice = 0.55m, Count = 10m, Filled = 10m, Status = "executed", CreatedAt = Start },
            new FillEntity { Id = Guid.NewGuid(), OrderId = BuyOrder, Ticker = "KXA-1", Side = "yes", Price = 0.55m, Count = 10m, Fee = 0.18m, IsTaker = true, CreatedAt = Start },
            new OrderEntity { Id = Guid.NewGuid(), ClientOrderId = "kd-bid-b", Broker = "paper", Ticker = "KXB-1", Side = "no", LimitPrice = 0.40m, Count = 5m, Status = "canceled", CreatedAt = Start.AddMinutes(10), ExpiresAt = Start.AddMinutes(25) },
            new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXC-1", EventTicker = "KXC", Result = "yes", SettledAt = Start.AddHours(-2), Revenue = 4m, YesCount = 4m, Cost = 2.20m, Fee = 0.08m });
    }

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void Render_ShowsTheAccountAndOpensOnThePositionsTab()
    {
        var page = _bunit.Render<PortfolioPage>();

        Assert.Equal("$1,002.04", page.Find("[aria-label='Equity']").TextContent.Trim());
        Assert.Equal("$1.72 · $0.32", page.Find("[aria-label='Realized and unrealized']").TextContent.Trim());
        // Only the tab shown reads its history (every open page reloads on each fill): the others are counted once opened.
        Assert.Equal(["Positions (1)", "Orders", "Fills", "Settlements"], page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        var row = Assert.Single(page.FindAll(".kd-positions tbody tr"));
        Assert.Equal(["Rain in SeattleKXA-1", "YES", "10", "$0.55", "$5.50", "$0.18", "$6.00", "$0.32"], Cells(row, "Market", "Side", "Contracts", "Avg price", "Cost", "Fees", "Value", "Unrealized"));
    }

    [Fact]
    public void OrdersTab_ListsTheNewestFirstSortsByMarketAndLinksItsCsv()
    {
        var page = _bunit.Render<PortfolioPage>();

        Tab(page, "Orders").Click();

        page.WaitForAssertion(() => Assert.Equal("Orders (2)", Tab(page, "Orders").TextContent.Trim()));
        Assert.Equal(["KXB-1", "KXA-1"], Tickers(page, ".kd-orders"));
        var newest = page.FindAll(".kd-orders tbody tr")[0];
        Assert.Equal(["2026-11-23 15:10:00 UTC", "buy NO × 5", "0.40", "0", "—", "$0.00", "canceled (paper)", "kd-bid-b"], Cells(newest, "Placed", "Order", "Limit", "Filled", "Avg fill", "Fee", "Status", "Client order id"));
        var filled = page.FindAll(".kd-orders tbody tr")[1];
        Assert.Equal(["Rain in SeattleKXA-1", "buy YES × 10", "0.55", "10", "0.55", "$0.18", "executed (paper)"], Cells(filled, "Market", "Order", "Limit", "Filled", "Avg fill", "Fee", "Status"));
        Assert.Equal("2 orders, newest first.", page.Find("[aria-label='Orders shown']").TextContent.Trim());
        Assert.Equal("api/orders?format=csv", page.Find("[aria-label='Download orders as CSV']").GetAttribute("href"));

        page.FindAll(".kd-orders .mud-table-sort-label").Single(l => l.TextContent.Trim() == "Market").Click();

        Assert.Equal(["KXA-1", "KXB-1"], Tickers(page, ".kd-orders"));
    }

    [Fact]
    public void SettlementsTab_ShowsWhatEachMarketPaidAndMade()
    {
        var page = _bunit.Render<PortfolioPage>();

        Tab(page, "Settlements").Click();

        var row = Assert.Single(page.FindAll(".kd-settlements tbody tr"));
        Assert.Equal(["2026-11-23 13:00:00 UTC", "Snow in DenverKXC-1", "YES", "4 YES", "$4.00", "$2.20", "$0.08", "$1.72"], Cells(row, "Settled", "Market", "Result", "Held", "Paid out", "Cost", "Fees", "P&L"));
        Assert.Equal("api/settlements?format=csv", page.Find("[aria-label='Download settlements as CSV']").GetAttribute("href"));
    }

    [Fact]
    public async Task PositionsChanged_AfterANewFill_RedrawsTheFillsTabWithoutAReload()
    {
        var page = _bunit.Render<PortfolioPage>();
        Tab(page, "Fills").Click();
        Assert.Equal(["KXA-1"], Tickers(page, ".kd-fills"));

        await _store.AddAsync(new FillEntity { Id = Guid.NewGuid(), OrderId = BuyOrder, Ticker = "KXD-1", Side = "no", Price = 0.30m, Count = 3m, Fee = 0.02m, IsTaker = false, CreatedAt = Start.AddMinutes(20) });
        await _events.PublishAsync(new PositionsChanged(Start.AddMinutes(20), "KXD-1"));

        page.WaitForAssertion(() => Assert.Equal(["KXD-1", "KXA-1"], Tickers(page, ".kd-fills")));
        Assert.Equal(["buy NO", "3", "0.30", "$0.90", "$0.02", "maker"], Cells(page.FindAll(".kd-fills tbody tr")[0], "Trade", "Contracts", "Price", "Value", "Fee", "Liquidity"));
        Assert.Contains("Fills (2)", page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        Assert.Equal("api/fills?format=csv", page.Find("[aria-label='Download fills as CSV']").GetAttribute("href"));
    }

    private static LedgerEntryEntity Ledger(string kind, decimal amount, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), At = at, Kind = kind, Amount = amount };

    private static IElement Tab(IRenderedComponent<PortfolioPage> page, string name) =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == name || t.TextContent.Trim().StartsWith(name + " (", StringComparison.Ordinal));

    private static string[] Tickers(IRenderedComponent<PortfolioPage> page, string table) =>
        [.. page.FindAll($"{table} tbody tr .kd-ticker").Select(t => t.TextContent.Trim()).Where(t => t.StartsWith("KX", StringComparison.Ordinal))];

    /// <summary>The text of a row's cells, picked by their column (MudBlazor labels each cell with it).</summary>
    private static string[] Cells(IElement row, params string[] columns) =>
        [.. columns.Select(c => row.QuerySelector($"td[data-label='{c}']")!.TextContent.Trim())];
}
