namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>How one estimate scored on settled markets it was not learned from.</summary>
/// <param name="Model">The model's name, or "probability" for the blended, calibrated estimate.</param>
/// <param name="Count">Settled rows scored.</param>
/// <param name="Brier">Mean squared error (0–1, lower is better).</param>
/// <param name="LogLoss">Mean log loss in nats (forecasts clamped to [0.001, 0.999]; lower is better).</param>
/// <param name="BrierSkill">1 − Brier / Brier of the price on the same rows; above 0 beats the price; null when the price scored 0.</param>
public sealed record ModelScore(string Model, int Count, double Brier, double LogLoss, double? BrierSkill);
