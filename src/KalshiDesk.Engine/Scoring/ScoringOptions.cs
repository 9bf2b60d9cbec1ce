using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Engine.Scoring;

/// <summary>How forecasts are recorded, scored and learned from (<c>Scoring:*</c> in configuration).</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>
    /// A market's forecast is recorded at most once in this interval (default 1 h), and always when the cycle proposes a
    /// trade in it; so a market open for a week leaves ~170 forecasts, not 10,000.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RecordInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The rolling Brier skill against the market is measured over this many latest settled markets (default 100).</summary>
    [Range(10, 100_000)]
    public int RollingWindow { get; set; } = 100;

    /// <summary>Settled markets the rolling window needs before a negative skill can make the desk sit out (default 30).</summary>
    [Range(1, 100_000)]
    public int MinSettledForSitOut { get; set; } = 30;

    /// <summary>Weights, recalibration and reports are learned from at most this many latest settled markets (default 20,000).</summary>
    [Range(100, 1_000_000)]
    public int LearningWindow { get; set; } = 20_000;

    /// <summary>Settled markets a category needs before it gets a recalibration of its own on top of the global one (default 200).</summary>
    [Range(10, 1_000_000)]
    public int MinCategoryMarkets { get; set; } = 200;

    /// <summary>A market the exchange no longer lists this long after its close is given up on, unscored (default 7 days).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);
}
