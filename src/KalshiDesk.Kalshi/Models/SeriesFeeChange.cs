using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>A scheduled change of a series' fee schedule.</summary>
public sealed record SeriesFeeChange(string Id, string SeriesTicker, FeeSchedule Fees, DateTimeOffset ScheduledAt);
