using System.Globalization;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// <c>kalshidesk forecast</c>'s work: read both files (every row checked before anything is learned), learn from the
/// settled history, forecast the open markets, write the forecasts, and print what was learned and how it scored.
/// Bad input of any kind is a <see cref="ForecastInputException"/> with a one-line message; nothing is written then.
/// </summary>
public static class ForecastBatch
{
    /// <summary>Categories listed by name in the summary before the rest are counted.</summary>
    private const int ListedCategories = 12;

    public static LearnedForecaster Run(ForecastRequest request, TextWriter output, ForecastLearnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        CheckOutputPath(request);
        var history = MarketCsvReader.ReadSettled(request.HistoryPath);
        var open = MarketCsvReader.ReadOpen(request.InputPath);

        var learned = ForecastLearner.Learn(history, options);
        var forecasts = open.Select(learned.Forecast).ToList();
        try
        {
            ForecastCsvWriter.WriteFile(request.OutputPath, forecasts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ForecastInputException($"{request.OutputPath}: cannot be written ({ex.Message})", ex);
        }

        var categories = history.Select(r => r.Category).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(Invariant(
            $"Read {history.Count:#,0} settled rows ({learned.HistoryMarkets:#,0} markets, {categories:#,0} {Plural(categories, "category", "categories")}) from {request.HistoryPath} and {open.Count:#,0} open {Plural(open.Count, "market", "markets")} from {request.InputPath}."));
        output.WriteLine();
        WriteScores(output, learned);
        output.WriteLine();
        WriteLearned(output, learned);
        output.WriteLine();
        WriteWalkForward(output, history, options);
        output.WriteLine(Invariant($"Wrote {forecasts.Count:#,0} {Plural(forecasts.Count, "forecast", "forecasts")} to {request.OutputPath} ({string.Join(", ", ForecastCsvWriter.Columns)})."));
        return learned;
    }

    private static void CheckOutputPath(ForecastRequest request)
    {
        var output = Path.GetFullPath(request.OutputPath);
        foreach (var (flag, path) in new[] { ("--history", request.HistoryPath), ("--input", request.InputPath) })
        {
            if (string.Equals(Path.GetFullPath(path), output, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                throw new ForecastInputException($"{request.OutputPath}: is also the {flag} file; write the forecasts to another file");
            }
        }

        if (Directory.Exists(output))
        {
            throw new ForecastInputException($"{request.OutputPath}: is a folder; name the CSV file to write");
        }

        var folder = Path.GetDirectoryName(output);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ForecastInputException($"{request.OutputPath}: the folder {folder} does not exist");
        }
    }

    private static void WriteScores(TextWriter output, LearnedForecaster learned)
    {
        output.WriteLine(Invariant(
            $"Scores on the history, out of sample (the price and the prior learn nothing from it; the learned estimates by {learned.Folds}-fold cross-validation, folds by ticker):"));
        output.WriteLine("  estimate               Brier   log loss   skill vs price");
        foreach (var score in learned.Scores)
        {
            var skill = Skill(score);
            output.WriteLine(Invariant($"  {score.Model,-18} {score.Brier,9:0.0000} {score.LogLoss,10:0.0000} {skill,16}"));
        }
    }

    private static void WriteLearned(TextWriter output, LearnedForecaster learned)
    {
        output.WriteLine($"Recalibration of the price, all categories: {CategoryRecalibration.Describe(learned.Recalibration.Global)}");
        foreach (var line in learned.Recalibration.DescribeCategories(ListedCategories))
        {
            output.WriteLine($"  {line}");
        }

        output.WriteLine($"Calibration of the pooled estimate, all categories: {CategoryRecalibration.Describe(learned.BlendCalibration.Global)}");
        foreach (var line in learned.BlendCalibration.DescribeCategories(ListedCategories))
        {
            output.WriteLine($"  {line}");
        }

        output.WriteLine("Ensemble weights (log-odds pool; the better a model's out-of-sample log score, the more weight):");
        output.WriteLine($"  all categories: {Weights(learned.Weights.Global)}");
        var rows = learned.Recalibration.RowsByCategory;
        var own = learned.Weights.ByCategory.OrderByDescending(c => rows.GetValueOrDefault(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        foreach (var (category, weights) in own.Take(ListedCategories))
        {
            output.WriteLine($"  {category}: {Weights(weights)}");
        }

        if (own.Count > ListedCategories)
        {
            output.WriteLine(Invariant($"  ... and {own.Count - ListedCategories:#,0} more categories with weights of their own"));
        }
    }

    private static void WriteWalkForward(TextWriter output, IReadOnlyList<SettledMarketRow> history, ForecastLearnerOptions? options)
    {
        if (WalkForwardValidation.WhyNot(history) is { } reason)
        {
            output.WriteLine($"Walk-forward: not run: {reason}.");
            return;
        }

        var report = WalkForwardValidation.Run(history, WalkForwardValidation.DefaultLearnFraction, options);
        var price = report.Score(OfflineModels.MarketImplied);
        var recalibrated = report.Score(OfflineModels.Recalibrated);
        var probability = report.Score(LearnedForecaster.Probability);
        output.WriteLine(Invariant(
            $"Walk-forward (learned on the first {report.LearnRows:#,0} rows by close time, scored on the {report.ScoreRows:#,0} from {report.ScoredFrom:yyyy-MM-dd HH:mm}Z): Brier price {price.Brier:0.0000}, recalibrated {recalibrated.Brier:0.0000} (skill {Skill(recalibrated)}), probability {probability.Brier:0.0000} (skill {Skill(probability)})."));
    }

    // The third section prints a skill that rounds to zero as 0.0000, not -0.0000.
    private static string Skill(ModelScore score) => score.BrierSkill is { } s ? s.ToString("0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static string Weights(IReadOnlyDictionary<string, double> weights) =>
        weights.Count == 0
            ? "equal (no history)"
            : string.Join(", ", OfflineModels.All.Select(m => Invariant($"{m} {weights.GetValueOrDefault(m):0.000}")));

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
