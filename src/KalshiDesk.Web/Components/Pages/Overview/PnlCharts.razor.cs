using System.Globalization;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Overview;

/// <summary>
/// The equity curve (one point a cycle) and the daily P&amp;L per New York trading day, redrawn when a cycle completes or
/// positions change: live, without polling.
/// </summary>
public partial class PnlCharts
{
    /// <summary>Points the curve is thinned to: about one per 4 pixels of a wide screen.</summary>
    public const int CurvePoints = 300;

    private PnlReport? _report;
    private List<ChartSeries<double>> _equity = [];
    private string[] _equityLabels = [];
    private List<ChartSeries<double>> _daily = [];
    private string[] _dayLabels = [];

    private readonly LineChartOptions _equityOptions = new() { YAxisTicks = 5, YAxisFormat = "#,0", YAxisTitle = "equity ($)", ShowDataMarkers = false };
    private readonly BarChartOptions _dailyOptions = new() { YAxisFormat = "#,0.##", YAxisTitle = "P&L ($)" };

    /// <summary>The window drawn, in days back from now. Default 30.</summary>
    [Parameter]
    public int Days { get; set; } = 30;

    [Inject]
    private PnlReader Pnl { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is CycleCompleted or PositionsChanged;

    protected override async Task LoadAsync()
    {
        var now = Time.GetUtcNow();
        var report = await Pnl.ReadAsync(now.AddDays(-Days), now, CurvePoints);
        (_equity, _equityLabels) = EquityChart(report.Points);
        (_daily, _dayLabels) = DailyChart(report.Days);
        _report = report;
    }

    private static (List<ChartSeries<double>>, string[]) EquityChart(IReadOnlyList<EquityPoint> points)
    {
        // About six times along the axis, New York time, however many points there are.
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6d));
        var labels = points.Select((p, i) => i % every == 0 ? NewYork(p.At).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty).ToArray();
        return ([new() { Name = "Equity", Data = new ChartData<double>([.. points.Select(p => (double)p.Equity)]) }], labels);
    }

    private static (List<ChartSeries<double>>, string[]) DailyChart(IReadOnlyList<DailyPnl> days)
    {
        var labels = days.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        List<ChartSeries<double>> series =
        [
            new() { Name = "Equity change", Data = new ChartData<double>([.. days.Select(d => (double)(d.EquityChange ?? 0m))]) },
            new() { Name = "Realized", Data = new ChartData<double>([.. days.Select(d => (double)d.RealizedPnl)]) },
        ];
        return (series, labels);
    }

    private string EquityLine()
    {
        var points = _report!.Points;
        if (points.Count == 0)
        {
            return "No cycle measured the equity in this window.";
        }

        var (first, last) = (points[0], points[^1]);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Dollars(first.Equity)} → {Dollars(last.Equity)} ({Signed(last.Equity - first.Equity)}) from {NewYork(first.At):yyyy-MM-dd HH:mm} to {NewYork(last.At):yyyy-MM-dd HH:mm} New York time, {_report.Snapshots:#,0} {(_report.Snapshots == 1 ? "cycle" : "cycles")} measured.");
    }

    private string TotalsLine()
    {
        var t = _report!.Totals;
        return $"P&L {Signed(t.Pnl)}: realized {Signed(t.RealizedPnl)}, unrealized {Signed(t.UnrealizedPnl)}; fees paid {Dollars(t.FeesPaid)}.";
    }

    private string LatestDayLine()
    {
        if (_report!.Days.Count == 0)
        {
            return "No New York day in this window yet.";
        }

        var day = _report.Days[^1];
        var change = day.EquityChange is { } c ? Signed(c) : "not measured";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{day.Day:yyyy-MM-dd} (New York): equity {change}, realized {Signed(day.RealizedPnl)}, fees {Dollars(day.Fees)}.");
    }

    private static DateTimeOffset NewYork(DateTimeOffset at) => at.ToOffset(NewYorkDay.OffsetAt(at));

    private static string Dollars(decimal d) => d.ToString("$#,0.00", CultureInfo.InvariantCulture);

    private static string Signed(decimal d) => d.ToString("+$#,0.00;-$#,0.00;$0.00", CultureInfo.InvariantCulture);
}
