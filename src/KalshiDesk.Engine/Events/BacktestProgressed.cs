namespace KalshiDesk.Engine.Events;

/// <summary>A backtest started or moved on (at most a few times a second per run): read the run for its figures.</summary>
/// <param name="Done">Market updates replayed so far.</param>
/// <param name="Total">Market updates in the recording.</param>
/// <param name="Trades">Fills so far.</param>
public sealed record BacktestProgressed(DateTimeOffset At, Guid RunId, long Done, long Total, int Trades) : DeskEvent(At);
