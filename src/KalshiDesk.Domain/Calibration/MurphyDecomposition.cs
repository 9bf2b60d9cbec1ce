namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// Murphy's decomposition of the Brier score over K equal-width forecast bins, in the bin-average form with the
/// within-bin terms of Stephenson, Coelho &amp; Jolliffe (2008), which makes it exact:
/// Brier = REL − RES + UNC + WBV − WBC. With N forecasts, nₖ in bin k, f̄ₖ its mean forecast, ōₖ its observed
/// frequency and ō the overall frequency:
/// REL = Σ nₖ(f̄ₖ − ōₖ)² / N, RES = Σ nₖ(ōₖ − ō)² / N, UNC = ō(1 − ō),
/// WBV = Σₖ Σᵢ (fᵢ − f̄ₖ)² / N, WBC = 2 Σₖ Σᵢ (fᵢ − f̄ₖ)(oᵢ − ōₖ) / N.
/// The within-bin terms vanish when forecasts are constant within each bin, leaving the classic three-term identity.
/// </summary>
/// <param name="BinCount">K, the number of equal-width bins on [0, 1].</param>
/// <param name="Reliability">REL ≥ 0: how far each bin's mean forecast sits from what happened (lower is better).</param>
/// <param name="Resolution">RES ≥ 0: how far the bins' outcome frequencies spread from the base rate (higher is better).</param>
/// <param name="Uncertainty">UNC = ō(1 − ō): the Brier score of always forecasting the base rate.</param>
/// <param name="WithinBinVariance">WBV ≥ 0: spread of forecasts inside their bins.</param>
/// <param name="WithinBinCovariance">WBC: twice the within-bin covariance of forecasts and outcomes.</param>
public sealed record MurphyDecomposition(
    int BinCount,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double WithinBinVariance,
    double WithinBinCovariance)
{
    /// <summary>REL − RES + UNC: the classic three-term Brier score, exact when forecasts are constant within bins.</summary>
    public double BinnedBrier => Reliability - Resolution + Uncertainty;

    /// <summary>REL − RES + UNC + WBV − WBC: equal to the Brier score (up to rounding).</summary>
    public double Brier => BinnedBrier + WithinBinVariance - WithinBinCovariance;
}
