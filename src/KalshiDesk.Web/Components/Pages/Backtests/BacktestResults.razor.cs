using System.Globalization;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Portfolio;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Backtests;

/// <summary>
/// A completed backtest's results: the headline figures after fees with the scores' 95% intervals, the equity and
/// drawdown curves, the decision funnel, P&amp;L per category, and the trades.
/// </summary>
public partial class BacktestResults
{
    /// <summary>Points the curves are thinned to: about one per 4 pixels of a wide screen.</summary>
    public const int CurvePoints = 300;

    /// <summary>Trades a page of the table shows.</summary>
    private const int PageSize = 10;

    private List<ChartSeries<double>> _equity = [];
    private List<ChartSeries<double>> _drawdown = [];
    private string[] _equityLabels = [];
    private List<ChartSeries<double>> _funnel = [];
    private string[] _funnelLabels = [];
    private List<ChartSeries<double>> _categoryPnl = [];
    private string[] _categoryLabels = [];
    private BacktestResult? _drawn;

    private readonly LineChartOptions _equityOptions = new() { YAxisTicks = 5, YAxisFormat = "#,0", YAxisTitle = "equity ($)", ShowDataMarkers = false };
    private readonly LineChartOptions _drawdownOptions = new() { YAxisTicks = 5, YAxisFormat = "0.#", YAxisTitle = "drawdown (%)", ShowDataMarkers = false, YAxisRequireZeroPoint = true };
    private readonly BarChartOptions _countOptions = new() { YAxisFormat = "#,0", YAxisTitle = "decisions" };
    private readonly BarChartOptions _pnlOptions = new() { YAxisFormat = "#,0.##", YAxisTitle = "P&L ($)" };

    /// <summary>The results drawn. Required.</summary>
    [Parameter]
    [EditorRequired]
    public BacktestResult Result { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawn, Result))
        {
            return;
        }

        var points = Thin(Result.Equity, CurvePoints);

        // About six dates along the axis, however many points there are.
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6d));
        _equityLabels = [.. points.Select((p, i) => i % every == 0 ? p.At.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty)];
        _equity = [new() { Name = "Equity", Data = new ChartData<double>([.. points.Select(p => (double)p.Equity)]) }];
        _drawdown = [new() { Name = "Drawdown", Data = new ChartData<double>([.. Drawdowns(points)]) }];
        _funnelLabels = [.. Result.Funnel.Select(s => s.Stage)];
        _funnel = [new() { Name = "Decisions", Data = new ChartData<double>([.. Result.Funnel.Select(s => (double)s.Count)]) }];
        _categoryLabels = [.. Result.Categories.Select(c => c.Category)];
        _categoryPnl = [new() { Name = "P&L after fees", Data = new ChartData<double>([.. Result.Categories.Select(c => (double)c.Pnl)]) }];
        _drawn = Result;
    }

    /// <summary>Every n-th point, and always the last, so the curve ends where the run did.</summary>
    private static List<EquityPoint> Thin(IReadOnlyList<EquityPoint> points, int most)
    {
        if (points.Count <= most)
        {
            return [.. points];
        }

        var step = (int)Math.Ceiling(points.Count / (double)most);
        var thinned = points.Where((_, i) => i % step == 0).ToList();
        if (thinned[^1] != points[^1])
        {
            thinned.Add(points[^1]);
        }

        return thinned;
    }

    /// <summary>Each point's fall below the running peak, in percent of the peak.</summary>
    private static IEnumerable<double> Drawdowns(List<EquityPoint> points)
    {
        var peak = 0m;
        foreach (var point in points)
        {
            peak = Math.Max(peak, point.Equity);
            yield return peak <= 0m ? 0d : (double)((peak - point.Equity) / peak * 100m);
        }
    }

    private string FunnelText() =>
        string.Join(" → ", Result.Funnel.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Count:#,0}")));

    private string ReplayText()
    {
        var window = Result.Start is { } start && Result.End is { } end
            ? $"{Utc(start)} to {Utc(end)} UTC"
            : "no decision in the window";
        return string.Create(CultureInfo.InvariantCulture, $"{Result.Updates:#,0} updates, {window}; took {Result.Elapsed.TotalSeconds:0.0} s.");
    }

    private static string Outcome(BacktestTrade trade) => trade.YesWon switch
    {
        true => "YES won",
        false => "NO won",
        null => "open at the end",
    };

    /// <summary>A score with 4 decimals; "–" where there is none.</summary>
    private static string Score(ScoreInterval? score) => Score(score?.Value);

    private static string Score(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Interval(ScoreInterval? score) =>
        score is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{score.Low:0.0000}–{score.High:0.0000}");

    private static string Direction(decimal d) => d switch
    {
        > 0m => "kd-up",
        < 0m => "kd-down",
        _ => "kd-flat",
    };

    private static string Share(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Roi(decimal fraction) => (fraction * 100m).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    private static string Dollars(decimal d) => d.ToString("$#,0.00", CultureInfo.InvariantCulture);

    private static string Signed(decimal d) => d.ToString("+$#,0.00;-$#,0.00;$0.00", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
