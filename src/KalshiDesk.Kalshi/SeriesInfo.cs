using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi;

/// <summary>A series: its category and the fee schedule its markets trade under.</summary>
public sealed record SeriesInfo(string Ticker, string Title, string Category, FeeSchedule Fees);
