using System.Globalization;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Web.Api;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Calibration;

/// <summary>
/// How the desk's forecasts of settled markets scored against the market price: summary, reliability diagram, the Brier
/// decomposition per day, and per model, category and time to close. Redrawn when the desk relearns, without a reload.
/// </summary>
public partial class CalibrationPage
{
    /// <summary>Reliability diagram and history are drawn in percent: MudBlazor's axis ticks are whole units.</summary>
    private const double Percent = 100d;

    private CalibrationResponse? _view;
    private List<ForecastRow> _scores = [];
    private List<BinRow> _bins = [];
    private List<ChartSeries<double>> _reliability = [];
    private ScatterPlotChartOptions _reliabilityOptions = new();
    private List<ChartSeries<double>> _history = [];
    private string[] _historyLabels = [];

    private readonly LineChartOptions _historyOptions = new()
    {
        YAxisTicks = 5,
        YAxisFormat = "0",
        YAxisTitle = "score × 100",
        ShowDataMarkers = true,
        YAxisRequireZeroPoint = true,
    };

    [Inject]
    private LearnedCalibration Learned { get; set; } = default!;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is CalibrationUpdated;

    protected override Task LoadAsync()
    {
        var view = CalibrationResponse.From(Learned.Snapshot);
        _scores = ForecastRows(view);
        _bins = BinRows(view);
        (_reliability, _reliabilityOptions) = ReliabilityChart(view);
        (_history, _historyLabels) = HistoryChart(view);
        _view = view;
        return Task.CompletedTask;
    }

    /// <summary>The desk, the models' pool before recalibration, and the market price, each scored on the same markets.</summary>
    private static List<ForecastRow> ForecastRows(CalibrationResponse view) =>
    [
        .. new (string Name, CalibrationScores? Scores)[]
        {
            ("Desk (calibrated)", view.Desk),
            ("Models' pool (before recalibration)", view.Pooled),
            ("Market price", view.Market),
        }
        .Where(r => r.Scores is not null)
        .Select(r => new ForecastRow(r.Name, r.Scores!)),
    ];

    /// <summary>The desk's and the market's bins side by side, by forecast range.</summary>
    private static List<BinRow> BinRows(CalibrationResponse view)
    {
        var desk = (view.Desk?.Bins ?? []).ToDictionary(BinKey);
        var market = (view.Market?.Bins ?? []).ToDictionary(BinKey);
        return
        [
            .. desk.Keys.Union(market.Keys).Order().Select(k =>
            {
                var any = desk.TryGetValue(k, out var d) ? d : market[k];
                return new BinRow($"{Score2(any.Low)}–{Score2(any.High)}", d, market.GetValueOrDefault(k));
            }),
        ];
    }

    private static int BinKey(CalibrationBin bin) => (int)Math.Round(bin.Low * 1000d);

    private static (List<ChartSeries<double>>, ScatterPlotChartOptions) ReliabilityChart(CalibrationResponse view)
    {
        var diagonal = new ChartSeries<double> { Name = "Perfect calibration", Data = new ChartData<double>([(0d, 0d), (Percent, Percent)]) };
        var series = new List<ChartSeries<double>>
        {
            new() { Name = "Desk", Data = Points(view.Desk) },
            new() { Name = "Market price", Data = Points(view.Market) },
            diagonal,
        };
        var options = new ScatterPlotChartOptions
        {
            XAxisTicks = 10,
            YAxisTicks = 10,
            XAxisFormat = "0",
            YAxisFormat = "0",
            YAxisTitle = "settled YES (%)",
            SeriesDisplayOverrides = new Dictionary<IChartSeries, MudBlazor.Charts.SeriesDisplayOverride>
            {
                [diagonal] = new ScatterSeriesDisplayOverride { ScatterSeriesType = ScatterSeriesType.Line, StrokeOpacity = 0.5 },
            },
        };
        return (series, options);
    }

    private static ChartData<double> Points(CalibrationScores? scores) =>
        new([.. (scores?.Bins ?? []).Select(b => (b.MeanForecast * Percent, b.ObservedFrequency * Percent))]);

    private static (List<ChartSeries<double>>, string[]) HistoryChart(CalibrationResponse view)
    {
        var days = view.History;

        // About ten dates along the axis, however many days there are.
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 10d));
        var labels = days.Select((d, i) => i % every == 0 ? d.Day.ToString("MM-dd", CultureInfo.InvariantCulture) : string.Empty).ToArray();
        List<ChartSeries<double>> series =
        [
            new() { Name = "Brier (desk)", Data = new ChartData<double>([.. days.Select(d => d.Brier * Percent)]) },
            new() { Name = "Reliability", Data = new ChartData<double>([.. days.Select(d => d.Reliability * Percent)]) },
            new() { Name = "Resolution", Data = new ChartData<double>([.. days.Select(d => d.Resolution * Percent)]) },
            new() { Name = "Brier (market)", Data = new ChartData<double>([.. days.Select(d => d.MarketBrier * Percent)]) },
        ];
        return (series, labels);
    }

    /// <summary>A score with 4 decimals; "–" where there is none.</summary>
    private static string Score(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    /// <summary>A skill with its sign: above 0 beats the market.</summary>
    private static string Skill(double? value) => value is { } v ? v.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Share(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Score2(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static Color SkillColor(double? skill) => skill switch
    {
        null => Color.Default,
        > 0d => Color.Success,
        < 0d => Color.Error,
        _ => Color.Default,
    };

    private string CategoryRecalibration(string category) =>
        _view?.CategoryRecalibration.TryGetValue(category, out var own) == true ? own : "global only";

    /// <summary>One row of the scores table.</summary>
    private sealed record ForecastRow(string Name, CalibrationScores Scores);

    /// <summary>One forecast range of the reliability table: the desk's bin and the market's, either may be empty.</summary>
    private sealed record BinRow(string Range, CalibrationBin? Desk, CalibrationBin? Market);
}
