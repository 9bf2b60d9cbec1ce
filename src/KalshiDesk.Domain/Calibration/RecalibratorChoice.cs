namespace KalshiDesk.Domain.Calibration;

/// <summary>The recalibrator chosen, refitted on all pairs, with the evidence.</summary>
/// <param name="Recalibrator">The chosen map.</param>
/// <param name="CrossValidatedLogLoss">Each candidate's out-of-sample mean log loss (nats); empty when there were too few pairs to try.</param>
/// <param name="Reason">Why this one, in a line for the dashboard.</param>
public sealed record RecalibratorChoice(IRecalibrator Recalibrator, IReadOnlyDictionary<string, double> CrossValidatedLogLoss, string Reason);
