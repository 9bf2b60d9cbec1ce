using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>One model's estimate, with the inputs it used and the decision time, so a backtest can prove it saw no future.</summary>
/// <param name="Confidence">The model's own confidence, 0–1.</param>
public sealed record Forecast(string Model, Probability ProbabilityYes, double Confidence, DateTimeOffset DecisionTime, IReadOnlyDictionary<string, string> Inputs);
