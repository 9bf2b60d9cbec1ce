using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Engine.Risk;

/// <summary>Configuration section <c>Risk</c>: the sit-out thresholds that are not part of a preset.</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    /// <summary>A market whose snapshot is older than this sits out (stale data). Default 5 minutes; the cycle runs every minute.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan MaxSnapshotAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A market sits out when fewer contracts than this are offered at prices that still clear the minimum edge. Default 1.</summary>
    [Range(typeof(decimal), "0.01", "1000000")]
    public decimal MinDepthContracts { get; set; } = 1m;

    /// <summary>How long a market sits out after its terms (title, strike, close time) change. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RulesChangeCooldown { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The span over which exchange requests are counted for the API error rate. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ApiErrorWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The fewest requests in the window before the error rate is judged at all. Default 10.</summary>
    [Range(1, 100_000)]
    public int ApiErrorMinRequests { get; set; } = 10;

    /// <summary>Every entry sits out while at least this share of recent exchange requests failed (5xx, 429, no answer). Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double MaxApiErrorRate { get; set; } = 0.5;
}
