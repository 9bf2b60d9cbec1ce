namespace KalshiDesk.Domain.Forecasting;

/// <summary>How settled-market scores turn into ensemble weights.</summary>
/// <param name="Eta">
/// Sharpness η, per nat of mean log loss (default 10): with plenty of data a model 0.05 nats per forecast better than
/// the average gets e^(10 × 0.05) ≈ 1.65× the average's weight.
/// </param>
/// <param name="ShrinkageForecasts">
/// n₀ (default 50): a model's log-loss advantage counts for n / (n + n₀) of itself, so with 50 scored forecasts
/// it counts half, and a model with none sits at equal weight.
/// </param>
/// <param name="MinCategoryForecasts">Scored forecasts (all models together) a category needs before it gets its own weights (default 200).</param>
public sealed record EnsembleWeightingOptions(double Eta = 10d, double ShrinkageForecasts = 50d, int MinCategoryForecasts = 200)
{
    public static EnsembleWeightingOptions Default { get; } = new();
}
