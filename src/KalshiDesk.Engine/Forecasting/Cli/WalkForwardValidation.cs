using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// Walk-forward validation on settled history: sort by close time (observation time where a row has none), learn
/// with <see cref="ForecastLearner"/> on the first part (70% by default), and score every estimate on the rest, which
/// closed later, as the desk would have met it. A market's rows all fall on one side of the split.
/// </summary>
public static class WalkForwardValidation
{
    /// <summary>Share of the rows learned from (0.7).</summary>
    public const double DefaultLearnFraction = 0.7;

    /// <summary>Fewest rows worth splitting (100): below it the scored part is mostly noise.</summary>
    public const int MinRows = 100;

    /// <summary>Why <paramref name="history"/> cannot be walked forward, or null when it can.</summary>
    public static string? WhyNot(IReadOnlyList<SettledMarketRow> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var untimed = history.Count(r => r.CloseTime is null && r.ObservedAt is null);
        if (untimed > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{untimed:#,0} rows have neither close_time nor observed_at, so there is no order to split in");
        }

        return history.Count < MinRows
            ? string.Create(CultureInfo.InvariantCulture, $"{history.Count:#,0} rows, fewer than the {MinRows} worth splitting")
            : null;
    }

    /// <summary>Learns on the first <paramref name="learnFraction"/> of <paramref name="history"/> in time and scores the rest.</summary>
    public static WalkForwardReport Run(
        IReadOnlyList<SettledMarketRow> history,
        double learnFraction = DefaultLearnFraction,
        ForecastLearnerOptions? options = null)
    {
        if (WhyNot(history) is { } reason)
        {
            throw new ArgumentException($"Cannot walk forward: {reason}.", nameof(history));
        }

        if (learnFraction is <= 0d or >= 1d || double.IsNaN(learnFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(learnFraction), learnFraction, "The share learned from must be between 0 and 1.");
        }

        var ordered = history
            .OrderBy(r => r.CloseTime ?? r.ObservedAt)
            .ThenBy(r => r.Ticker, StringComparer.Ordinal)
            .ThenBy(r => r.ObservedAt)
            .ThenBy(r => r.Line)
            .ToList();
        var cut = Math.Clamp((int)Math.Round(ordered.Count * learnFraction), 1, ordered.Count - 1);
        while (cut < ordered.Count && ordered[cut].Ticker == ordered[cut - 1].Ticker)
        {
            cut++;
        }

        if (cut >= ordered.Count)
        {
            throw new ArgumentException("Cannot walk forward: the last market's rows fill the whole scored part.", nameof(history));
        }

        var learned = ForecastLearner.Learn(ordered[..cut], options);
        var scored = ordered[cut..];
        var forecasts = scored.Select(r => learned.Forecast(r.AsOpen())).ToList();
        var price = forecasts.Select(f => f.Models[0].ProbabilityYes).ToArray();
        var estimates = new (string Model, Probability[] Forecasts)[]
        {
            (OfflineModels.MarketImplied, price),
            (OfflineModels.FavouriteLongshot, forecasts.Select(f => f.Models[1].ProbabilityYes).ToArray()),
            (OfflineModels.Recalibrated, forecasts.Select(f => f.Models[2].ProbabilityYes).ToArray()),
            (LearnedForecaster.Probability, forecasts.Select(f => f.Probability).ToArray()),
        };

        var priceBrier = CalibrationMetrics.Brier(Pairs(price, scored));
        var scores = estimates.Select(e =>
        {
            var pairs = Pairs(e.Forecasts, scored);
            var brier = CalibrationMetrics.Brier(pairs);
            return new ModelScore(e.Model, pairs.Length, brier, CalibrationMetrics.LogLoss(pairs), CalibrationMetrics.BrierSkillScore(brier, priceBrier));
        }).ToList();

        var deciles = new List<DecileScore>();
        var byDecile = Enumerable.Range(0, scored.Count).GroupBy(i => CalibrationMetrics.BinOf(price[i].Value, 10)).OrderBy(g => g.Key);
        foreach (var decile in byDecile)
        {
            var rows = decile.ToList();
            double Brier(Probability[] forecast) => rows.Average(i => Square(forecast[i].Value - (scored[i].YesWon ? 1d : 0d)));
            deciles.Add(new DecileScore(
                decile.Key,
                decile.Key / 10d,
                (decile.Key + 1) / 10d,
                rows.Count,
                rows.Average(i => price[i].Value),
                rows.Average(i => scored[i].YesWon ? 1d : 0d),
                rows.Average(i => estimates[2].Forecasts[i].Value),
                rows.Average(i => estimates[3].Forecasts[i].Value),
                Brier(price),
                Brier(estimates[2].Forecasts),
                Brier(estimates[3].Forecasts)));
        }

        return new WalkForwardReport(
            cut,
            scored.Count,
            scored[0].CloseTime ?? scored[0].ObservedAt!.Value,
            scores,
            deciles,
            scored.Select((r, i) => new ScoredForecast(r, forecasts[i])).ToList(),
            learned);
    }

    private static double Square(double x) => x * x;

    private static ForecastOutcome[] Pairs(Probability[] forecasts, List<SettledMarketRow> rows) =>
        rows.Select((r, i) => new ForecastOutcome(forecasts[i], r.YesWon)).ToArray();
}
