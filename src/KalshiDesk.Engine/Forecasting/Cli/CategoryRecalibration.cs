using System.Globalization;
using KalshiDesk.Domain.Calibration;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// A recalibration learned from settled history: one curve chosen over every category (identity, Platt or isotonic,
/// by <see cref="RecalibratorChooser"/>), then, for each category with enough rows of its own (and not the whole
/// history), a second choice made on that category's forecasts after the global curve. The second choice keeps the
/// global curve (identity) unless the category's own rows show, out of sample, that it is off there; so a small or
/// ordinary category never moves away from what all the history says.
/// </summary>
public sealed class CategoryRecalibration
{
    private CategoryRecalibration(
        RecalibratorChoice global,
        IReadOnlyDictionary<string, RecalibratorChoice> byCategory,
        IReadOnlyDictionary<string, int> rowsByCategory,
        int minCategoryRows)
    {
        Global = global;
        ByCategory = byCategory;
        RowsByCategory = rowsByCategory;
        MinCategoryRows = minCategoryRows;
    }

    /// <summary>The curve chosen over all categories, with the evidence.</summary>
    public RecalibratorChoice Global { get; }

    /// <summary>Category → the correction chosen after the global curve, for categories with at least <see cref="MinCategoryRows"/> rows.</summary>
    public IReadOnlyDictionary<string, RecalibratorChoice> ByCategory { get; }

    /// <summary>Category → settled rows it was learned from, every category in the history.</summary>
    public IReadOnlyDictionary<string, int> RowsByCategory { get; }

    /// <summary>Rows a category needs before it gets a correction of its own.</summary>
    public int MinCategoryRows { get; }

    /// <summary>
    /// Learns from <paramref name="history"/>: (category, forecast, outcome) in a fixed order; none gives the identity.
    /// <paramref name="options"/> choose the global curve, <paramref name="categoryOptions"/> (default: the same) each
    /// category's correction.
    /// </summary>
    public static CategoryRecalibration Fit(
        IReadOnlyList<(string Category, ForecastOutcome Pair)> history,
        int minCategoryRows,
        RecalibratorChooserOptions? options = null,
        RecalibratorChooserOptions? categoryOptions = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCategoryRows, 1);
        var global = RecalibratorChooser.Choose(history.Select(h => h.Pair).ToList(), options);
        var byCategory = new Dictionary<string, RecalibratorChoice>(StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in history.GroupBy(h => h.Category, StringComparer.Ordinal))
        {
            var pairs = group.Select(h => new ForecastOutcome(global.Recalibrator.Apply(h.Pair.Forecast), h.Pair.YesWon)).ToList();
            rows[group.Key] = pairs.Count;
            // A category that is the whole history would only refit the global curve on the same rows.
            if (pairs.Count >= minCategoryRows && pairs.Count < history.Count)
            {
                byCategory[group.Key] = RecalibratorChooser.Choose(pairs, categoryOptions ?? options);
            }
        }

        return new CategoryRecalibration(global, byCategory, rows, minCategoryRows);
    }

    /// <summary>The calibrated probability (0–1) of <paramref name="forecast"/> for a market of <paramref name="category"/>.</summary>
    public Probability Apply(string category, Probability forecast)
    {
        var p = Global.Recalibrator.Apply(forecast);
        return ByCategory.TryGetValue(category, out var own) ? own.Recalibrator.Apply(p) : p;
    }

    /// <summary>
    /// One line per category with a correction of its own, biggest first (at most <paramref name="limit"/>), then one
    /// line for the categories too small for one.
    /// </summary>
    public IEnumerable<string> DescribeCategories(int limit = int.MaxValue)
    {
        var own = RowsByCategory
            .Where(c => ByCategory.ContainsKey(c.Key))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (category, rows) in own.Take(limit))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{category} ({rows:#,0} rows): after the global curve, {Describe(ByCategory[category])}");
        }

        if (own.Count > limit)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"... and {own.Count - limit:#,0} more categories with their own correction");
        }

        if (RowsByCategory.Count == 1 && ByCategory.Count == 0)
        {
            var (only, rows) = RowsByCategory.Single();
            yield return string.Create(CultureInfo.InvariantCulture, $"{only} ({rows:#,0} rows): the only category, so the global curve is its own");
            yield break;
        }

        var small = RowsByCategory.Where(c => !ByCategory.ContainsKey(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        if (small.Count > 0)
        {
            var names = string.Join(", ", small.Take(5)) + (small.Count > 5 ? ", ..." : string.Empty);
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"{small.Count:#,0} {(small.Count == 1 ? "category" : "categories")} under {MinCategoryRows:#,0} rows use the global curve only: {names}");
        }
    }

    /// <summary>The chosen map with its parameters, then the chooser's reason.</summary>
    public static string Describe(RecalibratorChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var name = choice.Recalibrator.ToString() ?? choice.Recalibrator.Name;
        var reason = choice.Reason.StartsWith(choice.Recalibrator.Name + ": ", StringComparison.Ordinal)
            ? choice.Reason[(choice.Recalibrator.Name.Length + 2)..]
            : choice.Reason;
        return $"{name}: {reason}";
    }
}
