using KalshiDesk.Engine.Portfolio;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>What a replay did and how well the desk forecast, after fees.</summary>
/// <param name="Source">The recording replayed.</param>
/// <param name="Preset">The preset traded under.</param>
/// <param name="Start">The first decision's time (null when nothing was replayed).</param>
/// <param name="End">The replay clock at the end.</param>
/// <param name="Updates">Market updates replayed (observations).</param>
/// <param name="Markets">Markets in the recording.</param>
/// <param name="FinalEquity">Cash plus what is still held at its last mid, in dollars.</param>
/// <param name="RoiAfterFees">(final equity − starting cash) / starting cash: every fee paid is in it.</param>
/// <param name="MaxDrawdown">The largest fall of equity from a peak, as a fraction of the peak (0.12 = 12%).</param>
/// <param name="Fees">Every fee paid, in dollars.</param>
/// <param name="Trades">Every fill, in order.</param>
/// <param name="Equity">The equity curve: a point at every trade and settlement, and at least hourly in between.</param>
/// <param name="Desk">The desk's calibrated probability, scored on each settled market's last forecast before its close.</param>
/// <param name="Market">The market price on the same forecasts: the baseline to beat.</param>
/// <param name="Funnel">Decisions that reached each stage: scanned → priced → edge → sized → risk-passed → proposed → filled.</param>
/// <param name="SkipReasons">Why decisions stopped, by the reason's head ("no edge", "spread", …).</param>
/// <param name="Categories">Per category: trades, P&amp;L and scores.</param>
/// <param name="Elapsed">Wall-clock time the replay took.</param>
public sealed record BacktestResult(
    string Source,
    string Preset,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    long Updates,
    int Markets,
    decimal StartingCash,
    decimal FinalEquity,
    decimal RoiAfterFees,
    decimal MaxDrawdown,
    decimal Fees,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<EquityPoint> Equity,
    BacktestScores Desk,
    BacktestScores Market,
    IReadOnlyList<BacktestStage> Funnel,
    IReadOnlyDictionary<string, int> SkipReasons,
    IReadOnlyList<BacktestCategory> Categories,
    TimeSpan Elapsed)
{
    /// <summary>Profit or loss after fees, in dollars.</summary>
    public decimal Pnl => FinalEquity - StartingCash;

    /// <summary>The forecasts <see cref="Desk"/> and <see cref="Market"/> are scored on, one per settled market, in settlement order.</summary>
    public IReadOnlyList<BacktestForecast> Scored { get; init; } = [];
}

/// <summary>The forecast a settled market is scored on: the desk's last before its close, and the market price then.</summary>
/// <param name="At">When the forecast was made (recorded time).</param>
/// <param name="Desk">The desk's calibrated probability of YES (0–1).</param>
/// <param name="Market">The market's YES price then, as a probability (0–1).</param>
public sealed record BacktestForecast(string Ticker, string Category, DateTimeOffset At, double Desk, double Market, bool YesWon);

/// <summary>One fill of a replay and, once its market settled, what it made.</summary>
/// <param name="Side">yes or no.</param>
/// <param name="Price">The average price paid per contract of the side bought.</param>
/// <param name="Cost">Contracts × price, in dollars (the fee apart).</param>
/// <param name="ProbabilityYes">The desk's calibrated probability of YES at the decision.</param>
/// <param name="Edge">The side's edge net of fees at the decision (probability points).</param>
/// <param name="YesWon">How the market settled, when it settled within the replay.</param>
/// <param name="Pnl">Payout − cost − fee, once settled; null while still open at the end.</param>
public sealed record BacktestTrade(
    DateTimeOffset At,
    string Ticker,
    string Category,
    string Side,
    decimal Contracts,
    decimal Price,
    decimal Cost,
    decimal Fee,
    double ProbabilityYes,
    double Edge,
    DateTimeOffset? SettledAt,
    bool? YesWon,
    decimal? Pnl);

/// <summary>A score with its bootstrap 95% confidence interval (markets resampled with replacement).</summary>
public sealed record ScoreInterval(double Value, double Low, double High);

/// <summary>Brier score and log loss over <paramref name="Count"/> settled markets; null scores with none.</summary>
public sealed record BacktestScores(int Count, ScoreInterval? Brier, ScoreInterval? LogLoss);

/// <summary>Decisions that reached one stage of the funnel.</summary>
public sealed record BacktestStage(string Stage, long Count);

/// <summary>One category's share of a replay.</summary>
/// <param name="Markets">Settled markets scored in the category.</param>
/// <param name="BrierDesk">The desk's Brier score there (null with no scored market).</param>
/// <param name="BrierMarket">The market price's Brier score on the same markets.</param>
public sealed record BacktestCategory(string Category, int Markets, int Trades, decimal Pnl, decimal Fees, double? BrierDesk, double? BrierMarket);
