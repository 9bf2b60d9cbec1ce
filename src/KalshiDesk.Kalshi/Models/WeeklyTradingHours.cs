namespace KalshiDesk.Kalshi.Models;

/// <summary>One weekly schedule and the period it is in force.</summary>
/// <param name="Sessions">Sessions per weekday, in US Eastern time; a day without sessions has an empty list.</param>
public sealed record WeeklyTradingHours(
    DateTimeOffset EffectiveFrom,
    DateTimeOffset EffectiveUntil,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TradingSession>> Sessions);
