using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Forecasting;

/// <summary>One model's p(yes) for one market, as the ensemble sees it.</summary>
/// <param name="Model">The model's name, as used for its weight.</param>
/// <param name="ProbabilityYes">The model's probability that YES wins (0–1).</param>
public readonly record struct ModelForecast(string Model, Probability ProbabilityYes);
