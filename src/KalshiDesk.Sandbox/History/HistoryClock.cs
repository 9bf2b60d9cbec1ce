namespace KalshiDesk.Sandbox.History;

/// <summary>The recorder's clock: it stands where it was last moved to, so a recording takes no wall-clock time.</summary>
internal sealed class HistoryClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(now, _now);
        _now = now;
    }
}
