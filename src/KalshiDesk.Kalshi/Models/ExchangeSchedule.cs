namespace KalshiDesk.Kalshi.Models;

/// <summary>The exchange's weekly trading hours and planned maintenance (<c>GET /exchange/schedule</c>).</summary>
public sealed record ExchangeSchedule(IReadOnlyList<WeeklyTradingHours> StandardHours, IReadOnlyList<MaintenanceWindow> MaintenanceWindows);
