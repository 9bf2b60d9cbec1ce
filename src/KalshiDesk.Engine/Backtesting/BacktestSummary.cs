using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>
/// The headline numbers of a replay, as written by <c>kalshidesk backtest --summary</c> and read by the dashboard: money in
/// dollars, ROI and drawdown as fractions (0.12 = 12%), scores with their bootstrap 95% intervals (null with no settled
/// market scored).
/// </summary>
/// <param name="Trades">Fills in the replay.</param>
/// <param name="ScoredMarkets">Settled markets the scores are over.</param>
/// <param name="Funnel">Decisions that reached each stage, in order.</param>
/// <param name="SkipReasons">Why decisions stopped, by the reason's head, most frequent first.</param>
/// <param name="Reliability">Reliability bins (10 equal-width) of the desk and of the market price on the scored markets.</param>
public sealed record BacktestSummary(
    string Source,
    string Preset,
    DateTimeOffset? From,
    DateTimeOffset? To,
    long Updates,
    int Markets,
    int Trades,
    decimal StartingCash,
    decimal FinalEquity,
    decimal Pnl,
    decimal RoiAfterFees,
    decimal MaxDrawdown,
    decimal Fees,
    int ScoredMarkets,
    double? BrierDesk,
    ScoreRange? BrierDeskCi,
    double? BrierMarket,
    ScoreRange? BrierMarketCi,
    double? LogLossDesk,
    ScoreRange? LogLossDeskCi,
    double? LogLossMarket,
    ScoreRange? LogLossMarketCi,
    IReadOnlyList<BacktestStage> Funnel,
    IReadOnlyDictionary<string, int> SkipReasons,
    IReadOnlyList<BacktestCategory> Categories,
    BacktestReliability Reliability,
    double ElapsedSeconds)
{
    /// <summary>camelCase, indented, nulls kept; the default encoder escapes &lt; &gt; &amp; so the JSON is safe inside HTML.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>As <see cref="JsonOptions"/>, on one line (for data embedded in a page).</summary>
    public static JsonSerializerOptions CompactJsonOptions { get; } = new(JsonOptions) { WriteIndented = false };

    public static BacktestSummary Of(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BacktestSummary(
            result.Source,
            result.Preset,
            result.Start,
            result.End,
            result.Updates,
            result.Markets,
            result.Trades.Count,
            result.StartingCash,
            result.FinalEquity,
            result.Pnl,
            result.RoiAfterFees,
            result.MaxDrawdown,
            result.Fees,
            result.Desk.Count,
            result.Desk.Brier?.Value,
            ScoreRange.Of(result.Desk.Brier),
            result.Market.Brier?.Value,
            ScoreRange.Of(result.Market.Brier),
            result.Desk.LogLoss?.Value,
            ScoreRange.Of(result.Desk.LogLoss),
            result.Market.LogLoss?.Value,
            ScoreRange.Of(result.Market.LogLoss),
            result.Funnel,
            result.SkipReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal),
            result.Categories,
            BacktestReliability.Of(result.Scored),
            result.Elapsed.TotalSeconds);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Writes the summary to <paramref name="path"/> as JSON (replaced if it exists).</summary>
    public void Write(string path) => File.WriteAllText(path, ToJson() + "\n");
}
