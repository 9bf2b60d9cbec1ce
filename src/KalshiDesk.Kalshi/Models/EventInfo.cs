using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>An event: a real-world occurrence with one or more markets.</summary>
/// <param name="MutuallyExclusive">True when at most one of the event's markets can resolve YES.</param>
/// <param name="CollateralReturnType">"MECNET", "DIRECNET" or empty.</param>
/// <param name="FeeOverride">The event's fee override (takes precedence over the series' fees), or null.</param>
/// <param name="Markets">The event's markets when requested; their fees carry the override when there is one.</param>
public sealed record EventInfo(
    string EventTicker,
    string SeriesTicker,
    string Title,
    string SubTitle,
    bool MutuallyExclusive,
    string CollateralReturnType,
    DateTimeOffset? StrikeDate,
    string? StrikePeriod,
    FeeSchedule? FeeOverride,
    IReadOnlyList<MarketSnapshot> Markets);
