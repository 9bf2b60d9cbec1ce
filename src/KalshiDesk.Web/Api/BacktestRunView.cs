using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Web.Api;

/// <summary>A backtest as the API shows it: where it is and, once completed, its summary.</summary>
/// <param name="Status">running, completed, failed or cancelled.</param>
/// <param name="Done">Market updates replayed so far, of <paramref name="Total"/>.</param>
/// <param name="Percent">Done in percent (0–100).</param>
/// <param name="Trades">Fills so far.</param>
/// <param name="RemainingSeconds">The replay's estimate of the time left, while running.</param>
/// <param name="SimulatedTime">The recording's clock where the replay is.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record BacktestRunView(
    Guid Id,
    string Status,
    string Recording,
    string Preset,
    DateTimeOffset? From,
    DateTimeOffset? To,
    decimal Cash,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long Done,
    long Total,
    double Percent,
    int Trades,
    double? ElapsedSeconds,
    double? RemainingSeconds,
    DateTimeOffset? SimulatedTime,
    string? Error,
    BacktestSummary? Summary)
{
    public static BacktestRunView Of(BacktestRun run) => new(
        run.Id,
        run.Status,
        run.Recording,
        run.Preset,
        run.From,
        run.To,
        run.StartingCash,
        run.StartedBy,
        run.StartedAt,
        run.FinishedAt,
        run.Done,
        run.Updates,
        Math.Round(run.Fraction * 100d, 2),
        run.Result?.Trades.Count ?? run.Progress?.Trades ?? 0,
        (run.Result?.Elapsed ?? run.Progress?.Elapsed)?.TotalSeconds,
        run.IsRunning ? run.Progress?.Remaining?.TotalSeconds : null,
        run.Progress?.SimulatedTime,
        run.Error,
        run.Result is { } result ? BacktestSummary.Of(result) : null);
}
