using KalshiDesk.Domain.Calibration;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Reliability diagrams of the desk and of the market price over the same settled markets.</summary>
public sealed record BacktestReliability(IReadOnlyList<ReliabilityBin> Desk, IReadOnlyList<ReliabilityBin> Market)
{
    public const int Bins = 10;

    public static BacktestReliability Of(IReadOnlyList<BacktestForecast> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        if (scored.Count == 0)
        {
            return new BacktestReliability([], []);
        }

        return new BacktestReliability(
            CalibrationMetrics.ReliabilityBins([.. scored.Select(s => ForecastOutcome.Of(s.Desk, s.YesWon))], Bins),
            CalibrationMetrics.ReliabilityBins([.. scored.Select(s => ForecastOutcome.Of(s.Market, s.YesWon))], Bins));
    }
}
