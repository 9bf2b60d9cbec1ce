namespace KalshiDesk.Engine.Backtesting;

/// <summary>The 95% interval of a score.</summary>
public sealed record ScoreRange(double Low, double High)
{
    public static ScoreRange? Of(ScoreInterval? interval) => interval is null ? null : new ScoreRange(interval.Low, interval.High);
}
