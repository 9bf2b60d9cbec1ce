namespace KalshiDesk.Domain.Forecasting;

/// <summary>How well a model has scored on settled markets: its out-of-sample mean log loss over <paramref name="Count"/> forecasts.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Count">Number of scored forecasts.</param>
/// <param name="MeanLogLoss">Mean of −ln(p of the outcome that happened), in nats; lower is better. Ignored when <paramref name="Count"/> is 0.</param>
public readonly record struct ModelSkill(string Model, int Count, double MeanLogLoss);
