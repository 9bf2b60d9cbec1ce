using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>A scheduled change of an event's fee override.</summary>
/// <param name="Override">The new override, or null when the change clears it (the series' fees apply again).</param>
public sealed record EventFeeChange(string Id, string EventTicker, string SeriesTicker, FeeSchedule? Override, DateTimeOffset ScheduledAt);
