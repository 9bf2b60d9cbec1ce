using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Web.Api;

/// <summary>The desk against the market price on one slice of the settled markets (a category, a time-to-close bucket).</summary>
/// <param name="Name">The category, or the bucket ("1–6 h").</param>
/// <param name="Desk">The desk's calibrated probability, with the market price as its baseline.</param>
/// <param name="Market">The market price on the same markets.</param>
public sealed record SegmentScores(string Name, CalibrationScores Desk, CalibrationScores Market)
{
    public static SegmentScores From(SegmentCalibration segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new SegmentScores(segment.Name, CalibrationScores.From(segment.Desk)!, CalibrationScores.From(segment.Market)!);
    }
}
