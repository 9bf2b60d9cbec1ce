namespace KalshiDesk.Engine.Backtesting;

/// <summary>The simulated clock of a replay: it reads the recording's time, moved forward by the backtester only.</summary>
public sealed class BacktestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="to"/>; a replay never goes back in time.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        if (to < _now)
        {
            throw new InvalidOperationException($"The replay clock cannot go back from {_now:O} to {to:O}.");
        }

        _now = to;
    }
}
