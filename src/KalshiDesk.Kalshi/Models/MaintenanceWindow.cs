namespace KalshiDesk.Kalshi.Models;

/// <summary>A planned window during which the exchange may be unavailable.</summary>
public sealed record MaintenanceWindow(DateTimeOffset Start, DateTimeOffset End);
