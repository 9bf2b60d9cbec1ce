namespace KalshiDesk.Data.Entities;

/// <summary>One trading cycle and its decision funnel.</summary>
public sealed class CycleRunEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Preset { get; set; } = string.Empty;
    public int Scanned { get; set; }
    public int Priced { get; set; }
    public int WithEdge { get; set; }
    public int Sized { get; set; }
    public int RiskPassed { get; set; }
    public int Proposed { get; set; }

    /// <summary>Why markets stopped, counted: {"spread: ...": 4}.</summary>
    public string SkipReasons { get; set; } = "{}";

    /// <summary>How many markets each gate let through, shrank and stopped: {"spread": {"passed": 12, "shrunk": 0, "failed": 3}}.</summary>
    public string Gates { get; set; } = "{}";

    /// <summary>The desk's trading state during the cycle: active, reducing or halted.</summary>
    public string TradingState { get; set; } = "active";

    /// <summary>Why every entry sat out during the cycle (exchange not trading, API errors high, calibration degraded), or null.</summary>
    public string? SitOut { get; set; }

    public string? Error { get; set; }
}
