namespace KalshiDesk.Engine.Backtesting;

/// <summary>One backtest the desk ran or is running, as it stands: where it is and, once done, what it found.</summary>
/// <param name="Recording">The recording's name as shown: a sample's name, or an uploaded file's.</param>
/// <param name="Preset">The preset traded under.</param>
/// <param name="StartingCash">The account's cash at the start, in dollars.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="Status">running, completed, failed or cancelled.</param>
/// <param name="Progress">The latest progress the replay reported (null before its first).</param>
/// <param name="Result">What the replay found, once completed.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record BacktestRun(
    Guid Id,
    string Recording,
    string Preset,
    DateTimeOffset? From,
    DateTimeOffset? To,
    decimal StartingCash,
    string StartedBy,
    DateTimeOffset StartedAt,
    long Updates,
    string Status,
    BacktestProgress? Progress,
    BacktestResult? Result,
    string? Error,
    DateTimeOffset? FinishedAt)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Whether the replay is still going.</summary>
    public bool IsRunning => Status == Running;

    /// <summary>Updates replayed so far.</summary>
    public long Done => Result?.Updates ?? Progress?.Done ?? 0L;

    /// <summary>Done as a fraction of the recording's updates (0–1).</summary>
    public double Fraction => Result is not null ? 1d : Progress?.Fraction ?? 0d;
}
