using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Forecasting;

/// <summary>A model's forecast for a market that has since settled, recorded before the outcome was known.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Category">The market's category (e.g. Sports, Politics).</param>
/// <param name="ProbabilityYes">The model's probability that YES wins (0–1), as given at decision time.</param>
/// <param name="YesWon">Whether the market settled YES.</param>
public readonly record struct SettledForecast(string Model, string Category, Probability ProbabilityYes, bool YesWon);
