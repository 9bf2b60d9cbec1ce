namespace KalshiDesk.Engine.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    Proposal,
    Fill,
    Breaker,
    SitOut,
    DailySummary,
    Test,
}
