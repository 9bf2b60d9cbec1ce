using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Engine.Scoring;

/// <summary>
/// Everything the desk has learned from settled markets, as of <see cref="UpdatedAt"/>: the desk's scores beside the
/// market price's, per model, category and horizon, over time, and the rolling skill the sit-out rule reads. Each market
/// counts once (its last forecast before the close), except in <see cref="Horizons"/>, where it counts once per horizon.
/// </summary>
/// <param name="UpdatedAt">When this was learned; null before the first scoring.</param>
/// <param name="SettledMarkets">Settled markets learned from.</param>
/// <param name="ScoredForecasts">Stored forecasts of those markets (several per market).</param>
/// <param name="Desk">The desk's calibrated probability, with the market price as its baseline; null with no settled market.</param>
/// <param name="Market">The market price itself, on the same markets.</param>
/// <param name="Pooled">The models' pool before recalibration, with the market price as its baseline.</param>
/// <param name="Models">Each model on the markets it forecast, its current weight, and the market price on those markets as the baseline.</param>
/// <param name="Categories">Per category: desk against market.</param>
/// <param name="Horizons">Per time-to-close bucket: desk against market.</param>
/// <param name="History">Per settlement day (UTC): the Brier score and its Murphy decomposition, desk and market.</param>
/// <param name="Rolling">The rolling Brier skill against the market, and whether it makes the desk sit out.</param>
/// <param name="Recalibration">The global recalibration in a line ("identity: …", "platt(a=…, b=…): …").</param>
/// <param name="CategoryRecalibration">Category → its own correction after the global one, where it has enough history.</param>
public sealed record CalibrationSnapshot(
    DateTimeOffset? UpdatedAt,
    int SettledMarkets,
    int ScoredForecasts,
    CalibrationReport? Desk,
    CalibrationReport? Market,
    CalibrationReport? Pooled,
    IReadOnlyList<ModelCalibration> Models,
    IReadOnlyList<SegmentCalibration> Categories,
    IReadOnlyList<SegmentCalibration> Horizons,
    IReadOnlyList<CalibrationPeriod> History,
    RollingSkill Rolling,
    string Recalibration,
    IReadOnlyDictionary<string, string> CategoryRecalibration)
{
    /// <summary>Before any market has settled: nothing scored, equal weights, identity recalibration, no sit-out.</summary>
    public static CalibrationSnapshot Empty { get; } = new(
        null, 0, 0, null, null, null, [], [], [], [], RollingSkill.None, "identity: no settled markets yet", new Dictionary<string, string>(StringComparer.Ordinal));
}

/// <summary>One model's scores on the markets it forecast, beside the market price on the same markets.</summary>
/// <param name="Weight">The model's current global ensemble weight (0–1; the weights sum to 1).</param>
public sealed record ModelCalibration(string Model, double Weight, CalibrationReport Report);

/// <summary>The desk's and the market price's scores on one slice of the settled markets.</summary>
public sealed record SegmentCalibration(string Name, CalibrationReport Desk, CalibrationReport Market);

/// <summary>The Brier score and its decomposition for the markets settled on one day.</summary>
public sealed record CalibrationPeriod(
    DateOnly Day,
    int Count,
    double Brier,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double MarketBrier);

/// <summary>The desk's Brier skill against the market price over the latest settled markets.</summary>
/// <param name="Window">Markets the window holds when full.</param>
/// <param name="Count">Settled markets in it now.</param>
/// <param name="Skill">1 − Brier(desk) / Brier(market); null with no markets or a perfect market.</param>
/// <param name="Degraded">True when the window holds enough markets and the skill is below zero: all entries sit out.</param>
/// <param name="Reason">Why the desk sits out, when <see cref="Degraded"/>.</param>
public sealed record RollingSkill(int Window, int Count, double? Skill, double? DeskBrier, double? MarketBrier, bool Degraded, string? Reason)
{
    public static RollingSkill None { get; } = new(0, 0, null, null, null, false, null);
}
