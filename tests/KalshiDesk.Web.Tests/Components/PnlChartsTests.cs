using Bunit;
using KalshiDesk.Data.Entities;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Web.Components.Pages.Overview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Overview's equity curve and daily P&amp;L over the real readers and a SQLite file.</summary>
public sealed class PnlChartsTests : IAsyncLifetime
{
    // Tuesday 15:00 in New York (EST, UTC−5).
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYorkMidnight = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteStore.OpenAsync(Now.AddDays(-2));
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        _bunit.Services.AddSingleton(new PnlReader(_store.Db, _store.Portfolio));
    }

    public async Task DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void Render_BeforeAnyCycle_SaysSoInsteadOfCharts()
    {
        var charts = _bunit.Render<PnlCharts>();

        Assert.Equal("No cycle has measured the equity yet: the first runs right after start, then every minute.", charts.Find("[aria-label='Equity summary']").TextContent.Trim());
        Assert.Empty(charts.FindAll("[aria-label^='Chart of']"));
    }

    [Fact]
    public async Task Render_TwoNewYorkDays_DrawsEveryPointAndEachDaysChangeAndRealizedPnl()
    {
        await SeedTwoDaysAsync();

        var charts = _bunit.Render<PnlCharts>();

        Assert.Equal(
            "$1,000.00 → $1,007.25 (+$7.25) from 2026-11-23 10:00 to 2026-11-24 14:00 New York time, 4 cycles measured.",
            charts.Find("[aria-label='Equity summary']").TextContent.Trim());
        Assert.Equal("P&L -$0.35: realized -$0.35, unrealized $0.00; fees paid $0.35.", charts.Find("[aria-label='Profit and loss totals']").TextContent.Trim());
        Assert.Equal("2026-11-24 (New York): equity -$5.25, realized -$4.60, fees $0.00.", charts.Find("[aria-label='Latest day']").TextContent.Trim());
        var (equity, daily) = Charts(charts);
        Assert.Equal([1000d, 1012.5d, 1013d, 1007.25d], Values(equity, "Equity"));
        Assert.Equal(["11-23 10:00", "11-23 23:59", "11-24 00:00", "11-24 14:00"], equity.Instance.ChartLabels);
        Assert.Equal([12.5d, -5.25d], Values(daily, "Equity change"));
        Assert.Equal([0d, -4.6d], Values(daily, "Realized"));
        Assert.Equal(["11-23", "11-24"], daily.Instance.ChartLabels);
        Assert.NotNull(charts.Find("[aria-label=\"Chart of the desk's equity over the last 30 days, one point per cycle, in dollars\"] svg"));
        Assert.NotNull(charts.Find("[aria-label^='Chart of the daily P&L per New York trading day'] svg"));
    }

    [Fact]
    public async Task CycleCompleted_WithANewSnapshot_RedrawsTheCurveWithoutAReload()
    {
        await SeedTwoDaysAsync();
        var charts = _bunit.Render<PnlCharts>();

        await _store.AddAsync(Snapshot(Now.AddMinutes(-30), 1010m));
        await _events.PublishAsync(new CycleCompleted(Now, Guid.NewGuid(), 40, 1));

        charts.WaitForAssertion(() => Assert.Equal(
            "$1,000.00 → $1,010.00 (+$10.00) from 2026-11-23 10:00 to 2026-11-24 14:30 New York time, 5 cycles measured.",
            charts.Find("[aria-label='Equity summary']").TextContent.Trim()));
        Assert.Equal([1000d, 1012.5d, 1013d, 1007.25d, 1010d], Values(Charts(charts).Equity, "Equity"));
        Assert.Equal([12.5d, -2.5d], Values(Charts(charts).Daily, "Equity change"));
    }

    /// <summary>Monday 10:00 and 23:59, Tuesday 00:00 and 14:00 New York; a fee on Monday, a losing settlement on Tuesday.</summary>
    private Task SeedTwoDaysAsync() => _store.AddAsync(
        Snapshot(Now.AddDays(-1).AddHours(-5), 1000m),
        Snapshot(NewYorkMidnight.AddMinutes(-1), 1012.50m),
        Snapshot(NewYorkMidnight, 1013m),
        Snapshot(Now.AddHours(-1), 1007.25m),
        new LedgerEntryEntity { Id = Guid.NewGuid(), At = Now.AddDays(-1).AddHours(-4), Kind = "fee", Amount = -0.35m, Ticker = "KXA-1", Note = "taker fee" },
        new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXB-1", Result = "no", SettledAt = NewYorkMidnight.AddMinutes(30), Cost = 4.50m, Fee = 0.10m, YesCount = 9m });

    private static EquitySnapshotEntity Snapshot(DateTimeOffset at, decimal equity) =>
        new() { Id = Guid.NewGuid(), At = at, Equity = equity, Cash = equity, Deposits = 1000m, RealizedPnl = equity - 1000m };

    private static (IRenderedComponent<MudChart<double>> Equity, IRenderedComponent<MudChart<double>> Daily) Charts(IRenderedComponent<PnlCharts> charts)
    {
        var all = charts.FindComponents<MudChart<double>>();
        return (all.Single(c => c.Instance.ChartType == ChartType.Line), all.Single(c => c.Instance.ChartType == ChartType.Bar));
    }

    private static double[] Values(IRenderedComponent<MudChart<double>> chart, string series) =>
        [.. chart.Instance.ChartSeries.Single(s => s.Name == series).Data.Values.Select(v => Math.Round((double)v!, 4))];
}
