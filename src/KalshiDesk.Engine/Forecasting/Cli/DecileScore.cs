namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>Scores of the rows whose price falls in one tenth of the price range, [Low, High).</summary>
/// <param name="Decile">0 for prices below 0.10, …, 9 for 0.90 and above.</param>
/// <param name="Low">Lowest price of the decile, dollars.</param>
/// <param name="High">Price the decile stops below, dollars.</param>
/// <param name="Count">Rows scored.</param>
/// <param name="MeanPrice">Mean YES price, dollars.</param>
/// <param name="YesFrequency">Share of the rows that settled YES (0–1).</param>
/// <param name="MeanRecalibrated">Mean of the recalibrated price (0–1).</param>
/// <param name="MeanProbability">Mean of the blended, calibrated probability (0–1).</param>
/// <param name="BrierPrice">Brier score of the price.</param>
/// <param name="BrierRecalibrated">Brier score of the recalibrated price.</param>
/// <param name="BrierProbability">Brier score of the blended, calibrated probability.</param>
public sealed record DecileScore(
    int Decile,
    double Low,
    double High,
    int Count,
    double MeanPrice,
    double YesFrequency,
    double MeanRecalibrated,
    double MeanProbability,
    double BrierPrice,
    double BrierRecalibrated,
    double BrierProbability);
