using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>Backtests run from the dashboard and the API (<c>Backtests:*</c> in configuration).</summary>
public sealed class BacktestsOptions
{
    public const string Section = "Backtests";

    /// <summary>The folder of sample recordings offered to run, relative to the content root (default <c>samples/backtest</c>).</summary>
    [Required]
    public string SamplesPath { get; set; } = "samples/backtest";

    /// <summary>The largest recording a person may upload, in megabytes (default 20).</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary>Runs replaying at once, everyone's together (default 2): each takes a core.</summary>
    [Range(1, 16)]
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Runs kept in memory with their results, the latest first (default 10); a running one is never dropped.</summary>
    [Range(1, 1000)]
    public int KeptRuns { get; set; } = 10;

    /// <summary>The largest recording a person may upload, in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
