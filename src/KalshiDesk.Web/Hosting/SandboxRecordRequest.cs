namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk sandbox --record FILE</c> as typed: the file, the world (<paramref name="Seed"/>, <paramref name="Markets"/>),
/// the span in days, and the durations and start time as text (<c>1h</c>, <c>2026-01-05T00:00:00Z</c>); <paramref name="Replay"/>
/// is <c>--replay</c>, which a recording cannot take.
/// </summary>
public sealed record SandboxRecordRequest(string Path, int Seed, int Markets, int Days, string Every, string? Tick, string? Start, string? Replay);
