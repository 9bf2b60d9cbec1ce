using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Web.Api;

/// <summary>What a completed backtest found, after fees: money in dollars, ROI and drawdown as fractions (0.12 = 12%).</summary>
/// <param name="Trades">Fills.</param>
/// <param name="Pnl">Final equity − starting cash.</param>
/// <param name="BrierDesk">The desk's Brier score on the settled markets scored (null with none).</param>
/// <param name="BrierDeskCi95">Its bootstrap 95% confidence interval, [low, high].</param>
/// <param name="ScoredMarkets">Settled markets the scores cover.</param>
/// <param name="Funnel">Decisions that reached each stage: scanned → priced → edge → sized → risk-passed → proposed → filled.</param>
public sealed record BacktestSummary(
    int Trades,
    decimal StartingCash,
    decimal FinalEquity,
    decimal Pnl,
    decimal RoiAfterFees,
    decimal MaxDrawdown,
    decimal Fees,
    long Updates,
    int Markets,
    int ScoredMarkets,
    double? BrierDesk,
    double[]? BrierDeskCi95,
    double? BrierMarket,
    double[]? BrierMarketCi95,
    double? LogLossDesk,
    double[]? LogLossDeskCi95,
    double? LogLossMarket,
    double[]? LogLossMarketCi95,
    IReadOnlyList<BacktestStage> Funnel,
    IReadOnlyList<BacktestCategory> Categories,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    double ElapsedSeconds)
{
    public static BacktestSummary Of(BacktestResult r) => new(
        r.Trades.Count,
        r.StartingCash,
        r.FinalEquity,
        r.Pnl,
        r.RoiAfterFees,
        r.MaxDrawdown,
        r.Fees,
        r.Updates,
        r.Markets,
        r.Desk.Count,
        r.Desk.Brier?.Value,
        Ci(r.Desk.Brier),
        r.Market.Brier?.Value,
        Ci(r.Market.Brier),
        r.Desk.LogLoss?.Value,
        Ci(r.Desk.LogLoss),
        r.Market.LogLoss?.Value,
        Ci(r.Market.LogLoss),
        r.Funnel,
        r.Categories,
        r.Start,
        r.End,
        r.Elapsed.TotalSeconds);

    private static double[]? Ci(ScoreInterval? score) => score is null ? null : [score.Low, score.High];
}
