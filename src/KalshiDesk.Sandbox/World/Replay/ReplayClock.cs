namespace KalshiDesk.Sandbox.World.Replay;

/// <summary>Maps the Sandbox's clock onto a recording's: <see cref="Speed"/> recorded seconds pass each second, from <see cref="Start"/>.</summary>
internal sealed record ReplayClock(DateTimeOffset RecordedStart, DateTimeOffset Start, double Speed)
{
    public DateTimeOffset ToRecorded(DateTimeOffset now) => RecordedStart + ((now - Start) * Speed);

    public DateTimeOffset ToSandbox(DateTimeOffset recorded) => Start + ((recorded - RecordedStart) / Speed);
}
