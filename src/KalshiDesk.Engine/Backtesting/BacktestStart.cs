namespace KalshiDesk.Engine.Backtesting;

/// <summary>A backtest started, or the reason it was not (a run of the person's own going, the desk's cap reached).</summary>
public sealed record BacktestStart(BacktestRun? Run, string? Refusal)
{
    public bool Started => Run is not null;
}
