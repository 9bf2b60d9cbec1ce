namespace KalshiDesk.Engine.Events;

/// <summary>A backtest ended: completed with its results, failed, or was cancelled.</summary>
/// <param name="Status">completed, failed or cancelled.</param>
public sealed record BacktestCompleted(DateTimeOffset At, Guid RunId, string Status) : DeskEvent(At);
