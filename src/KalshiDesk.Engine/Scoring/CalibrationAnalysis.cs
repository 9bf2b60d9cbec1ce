using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Engine.Scoring;

/// <summary>What the desk learns from its scored forecasts, and the report of it. Pure: the same forecasts give the same result.</summary>
/// <param name="Snapshot">The scores, for the dashboard, the API and the sit-out rule.</param>
/// <param name="Weights">Ensemble weights from each model's log score on the settled markets.</param>
/// <param name="Recalibration">The recalibration of the pooled forecast, global and per category.</param>
public sealed record CalibrationLearning(CalibrationSnapshot Snapshot, EnsembleWeights Weights, CategoryRecalibration Recalibration);

/// <summary>Turns scored forecasts into weights, recalibration and a <see cref="CalibrationSnapshot"/>.</summary>
public static class CalibrationAnalysis
{
    /// <summary>Time-to-close buckets of the per-horizon report, shortest first.</summary>
    public static IReadOnlyList<(string Name, TimeSpan Below)> HorizonBuckets { get; } =
    [
        ("under 1 h", TimeSpan.FromHours(1)),
        ("1–6 h", TimeSpan.FromHours(6)),
        ("6–24 h", TimeSpan.FromHours(24)),
        ("1–7 days", TimeSpan.FromDays(7)),
        ("over 7 days", TimeSpan.MaxValue),
    ];

    /// <summary>History days kept in <see cref="CalibrationSnapshot.History"/>.</summary>
    public const int HistoryDays = 90;

    /// <summary>Learns from <paramref name="forecasts"/> (every stored forecast of settled markets, any order).</summary>
    public static CalibrationLearning Learn(IReadOnlyCollection<RecordedForecast> forecasts, ScoringOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(options);

        // One forecast per market, its last before the close, in settlement order: markets are the independent trials.
        var markets = forecasts
            .GroupBy(f => f.Ticker, StringComparer.Ordinal)
            .Select(g => g.Where(f => f.DecisionTime <= f.CloseTime).MaxBy(f => f.DecisionTime) ?? g.MinBy(f => f.DecisionTime)!)
            .OrderBy(f => f.SettledAt)
            .ThenBy(f => f.Ticker, StringComparer.Ordinal)
            .ToList();

        var weights = EnsembleWeighting.Fit(markets.SelectMany(m => m.Models.Select(model =>
            new SettledForecast(model.Key, m.Category, Probability.Of(model.Value), m.YesWon))));
        var recalibration = CategoryRecalibration.Fit(
            [.. markets.Select(m => (m.Category, new ForecastOutcome(Probability.Of(m.Pooled), m.YesWon)))],
            options.MinCategoryMarkets);
        if (markets.Count == 0)
        {
            return new CalibrationLearning(CalibrationSnapshot.Empty with { UpdatedAt = now, Rolling = RollingSkill.None with { Window = options.RollingWindow } }, weights, recalibration);
        }

        var snapshot = new CalibrationSnapshot(
            now,
            markets.Count,
            forecasts.Count,
            Report(markets, m => m.Desk, withBaseline: true),
            Report(markets, m => m.Market, withBaseline: false),
            Report(markets, m => m.Pooled, withBaseline: true),
            Models(markets, weights),
            [.. markets.GroupBy(m => m.Category, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Segment(g.Key, [.. g]))],
            Horizons(forecasts),
            History(markets),
            Rolling(markets, options),
            CategoryRecalibration.Describe(recalibration.Global),
            recalibration.ByCategory.ToDictionary(c => c.Key, c => CategoryRecalibration.Describe(c.Value), StringComparer.Ordinal));
        return new CalibrationLearning(snapshot, weights, recalibration);
    }

    /// <summary>The rolling Brier skill of the desk against the market over the latest <see cref="ScoringOptions.RollingWindow"/> markets (settlement order).</summary>
    public static RollingSkill Rolling(IReadOnlyList<RecordedForecast> marketsBySettlement, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(marketsBySettlement);
        ArgumentNullException.ThrowIfNull(options);
        var window = marketsBySettlement.Skip(Math.Max(0, marketsBySettlement.Count - options.RollingWindow)).ToList();
        if (window.Count == 0)
        {
            return RollingSkill.None with { Window = options.RollingWindow };
        }

        var desk = CalibrationMetrics.Brier(Pairs(window, m => m.Desk));
        var market = CalibrationMetrics.Brier(Pairs(window, m => m.Market));
        var skill = CalibrationMetrics.BrierSkillScore(desk, market);
        var degraded = window.Count >= options.MinSettledForSitOut && skill < 0d;
        var reason = degraded
            ? string.Create(CultureInfo.InvariantCulture, $"calibration degraded: rolling Brier skill {skill:0.0000} against the market price over the last {window.Count} settled markets (desk {desk:0.0000}, market {market:0.0000})")
            : null;
        return new RollingSkill(options.RollingWindow, window.Count, skill, desk, market, degraded, reason);
    }

    private static List<ForecastOutcome> Pairs(IEnumerable<RecordedForecast> markets, Func<RecordedForecast, double> forecast) =>
        [.. markets.Select(m => new ForecastOutcome(Probability.Of(forecast(m)), m.YesWon))];

    private static CalibrationReport Report(IReadOnlyList<RecordedForecast> markets, Func<RecordedForecast, double> forecast, bool withBaseline) =>
        CalibrationReport.From(Pairs(markets, forecast), withBaseline ? [.. markets.Select(m => Probability.Of(m.Market))] : null);

    private static SegmentCalibration Segment(string name, IReadOnlyList<RecordedForecast> markets) =>
        new(name, Report(markets, m => m.Desk, withBaseline: true), Report(markets, m => m.Market, withBaseline: false));

    private static List<ModelCalibration> Models(IReadOnlyList<RecordedForecast> markets, EnsembleWeights weights)
    {
        var names = markets.SelectMany(m => m.Models.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var global = weights.Global;
        var equal = names.Count == 0 ? 0d : 1d / names.Count;
        var result = new List<ModelCalibration>(names.Count);
        foreach (var name in names)
        {
            var scored = markets.Where(m => m.Models.ContainsKey(name)).ToList();
            result.Add(new ModelCalibration(name, global.TryGetValue(name, out var w) ? w : equal, Report(scored, m => m.Models[name], withBaseline: true)));
        }

        return result;
    }

    private static List<SegmentCalibration> Horizons(IReadOnlyCollection<RecordedForecast> forecasts)
    {
        var result = new List<SegmentCalibration>();
        var low = TimeSpan.Zero;
        foreach (var (name, below) in HorizonBuckets)
        {
            var from = low;
            var inBucket = forecasts
                .Where(f => f.Horizon >= from && f.Horizon < below)
                .GroupBy(f => f.Ticker, StringComparer.Ordinal)
                .Select(g => g.MaxBy(f => f.DecisionTime)!)
                .OrderBy(f => f.SettledAt)
                .ThenBy(f => f.Ticker, StringComparer.Ordinal)
                .ToList();
            if (inBucket.Count > 0)
            {
                result.Add(Segment(name, inBucket));
            }

            low = below;
        }

        return result;
    }

    private static List<CalibrationPeriod> History(IReadOnlyList<RecordedForecast> markets) =>
    [
        .. markets
            .GroupBy(m => DateOnly.FromDateTime(m.SettledAt.UtcDateTime))
            .OrderBy(g => g.Key)
            .TakeLast(HistoryDays)
            .Select(g =>
            {
                var pairs = Pairs(g, m => m.Desk);
                var murphy = CalibrationMetrics.Murphy(pairs);
                return new CalibrationPeriod(
                    g.Key,
                    pairs.Count,
                    CalibrationMetrics.Brier(pairs),
                    murphy.Reliability,
                    murphy.Resolution,
                    murphy.Uncertainty,
                    CalibrationMetrics.Brier(Pairs(g, m => m.Market)));
            }),
    ];
}
