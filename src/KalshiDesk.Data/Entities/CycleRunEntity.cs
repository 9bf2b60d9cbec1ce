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

    public string? Error { get; set; }
}
