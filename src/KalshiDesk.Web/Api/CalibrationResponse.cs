using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>GET /api/calibration</c> and the Calibration page: how well the desk's forecasts of settled markets scored, against
/// the market price, overall, per model, category and time to close, per day, and the rolling skill that decides the
/// sit-out. Before any market has settled the score fields are null and the lists empty.
/// </summary>
/// <param name="UpdatedAt">When the desk last learned; null before the first learning.</param>
/// <param name="SettledMarkets">Settled markets scored (each counts once, by its last forecast before the close).</param>
/// <param name="ScoredForecasts">Stored forecasts of those markets.</param>
/// <param name="Desk">The desk's calibrated probability, against the market price.</param>
/// <param name="Market">The market price at decision time.</param>
/// <param name="Pooled">The models' pool before recalibration, against the market price.</param>
/// <param name="Models">Each model with its ensemble weight.</param>
/// <param name="Categories">Per category, most markets first.</param>
/// <param name="Horizons">Per time-to-close bucket, shortest first.</param>
/// <param name="History">Per settlement day, oldest first.</param>
/// <param name="Rolling">The rolling skill and the sit-out.</param>
/// <param name="Recalibration">The global recalibration in a line.</param>
/// <param name="CategoryRecalibration">Category → its own correction after the global one.</param>
public sealed record CalibrationResponse(
    DateTimeOffset? UpdatedAt,
    int SettledMarkets,
    int ScoredForecasts,
    CalibrationScores? Desk,
    CalibrationScores? Market,
    CalibrationScores? Pooled,
    IReadOnlyList<ModelScores> Models,
    IReadOnlyList<SegmentScores> Categories,
    IReadOnlyList<SegmentScores> Horizons,
    IReadOnlyList<CalibrationDay> History,
    RollingSkillStatus Rolling,
    string Recalibration,
    IReadOnlyDictionary<string, string> CategoryRecalibration)
{
    public static CalibrationResponse From(CalibrationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rolling = snapshot.Rolling;
        return new CalibrationResponse(
            snapshot.UpdatedAt,
            snapshot.SettledMarkets,
            snapshot.ScoredForecasts,
            CalibrationScores.From(snapshot.Desk),
            CalibrationScores.From(snapshot.Market),
            CalibrationScores.From(snapshot.Pooled),
            [.. snapshot.Models.Select(ModelScores.From)],
            [.. snapshot.Categories.Select(SegmentScores.From)],
            [.. snapshot.Horizons.Select(SegmentScores.From)],
            [.. snapshot.History.Select(d => new CalibrationDay(d.Day, d.Count, d.Brier, d.Reliability, d.Resolution, d.Uncertainty, d.MarketBrier))],
            new RollingSkillStatus(rolling.Window, rolling.Count, rolling.Skill, rolling.DeskBrier, rolling.MarketBrier, rolling.Degraded, rolling.Reason),
            snapshot.Recalibration,
            snapshot.CategoryRecalibration);
    }
}
