namespace KalshiDesk.Domain.Forecasting;

/// <summary>Ensemble weights (model → weight, summing to 1): global, and per category where a category has enough data.</summary>
/// <param name="Global">Weights learned from every settled market.</param>
/// <param name="ByCategory">Category → weights, only for categories with enough scored forecasts.</param>
public sealed record EnsembleWeights(
    IReadOnlyDictionary<string, double> Global,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByCategory)
{
    /// <summary>No history: every model gets an equal share.</summary>
    public static EnsembleWeights Equal { get; } = new(
        new Dictionary<string, double>(StringComparer.Ordinal),
        new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal));

    /// <summary>The weights for <paramref name="category"/>, or the global ones when it has none of its own.</summary>
    public IReadOnlyDictionary<string, double> For(string? category) =>
        category is not null && ByCategory.TryGetValue(category, out var weights) ? weights : Global;
}
