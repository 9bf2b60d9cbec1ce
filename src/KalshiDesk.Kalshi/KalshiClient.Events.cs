using System.Runtime.CompilerServices;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>Kalshi's maximum page of <c>GET /events</c>.</summary>
    public const int MaxEventsPerPage = 200;

    /// <summary>Every (non-multivariate) event matching the filters, page by page: <c>GET /events</c>.</summary>
    /// <param name="status">unopened, open, closed or settled; null for any.</param>
    public async IAsyncEnumerable<EventInfo> GetEventsAsync(
        string? status = null,
        string? seriesTicker = null,
        bool withNestedMarkets = false,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pages = PagesAsync<EventsPageDto>(
            cursor => Query(
                "events",
                ("limit", Invariant(MaxEventsPerPage)),
                ("status", status),
                ("series_ticker", seriesTicker),
                ("with_nested_markets", withNestedMarkets ? "true" : null),
                ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var observedAt = time.GetUtcNow();
            foreach (var dto in page.Events ?? [])
            {
                yield return ToEvent(dto, dto.Markets, observedAt);
            }
        }
    }

    /// <summary>One event and its markets: <c>GET /events/{event_ticker}</c>.</summary>
    public async Task<EventInfo> GetEventAsync(string eventTicker, bool withNestedMarkets = true, CancellationToken ct = default)
    {
        var path = Query($"events/{Segment(eventTicker, nameof(eventTicker))}", ("with_nested_markets", withNestedMarkets ? "true" : null));
        var dto = await GetAsync<EventEnvelopeDto>(path, ct).ConfigureAwait(false);
        var evt = dto.Event ?? throw new KalshiDataException("event", null, $"missing for {eventTicker}");

        // Nested markets when asked for; otherwise the deprecated top-level copy.
        var markets = evt.Markets is { Count: > 0 } ? evt.Markets : dto.Markets;
        return ToEvent(evt, markets, time.GetUtcNow());
    }

    private static EventInfo ToEvent(EventDto dto, List<MarketDto>? markets, DateTimeOffset observedAt)
    {
        var ticker = dto.EventTicker is { Length: > 0 } t ? t : throw new KalshiDataException("event_ticker", null, "is missing");
        var feeOverride = KalshiJson.ToFeeOverride(dto.FeeTypeOverride, dto.FeeMultiplierOverride, $"event {ticker}");
        var snapshots = new List<MarketSnapshot>();
        foreach (var market in markets ?? [])
        {
            var snapshot = KalshiJson.ToSnapshot(market, observedAt);
            snapshots.Add(feeOverride is null ? snapshot : snapshot with { Fees = feeOverride });
        }

        return new EventInfo(
            ticker,
            dto.SeriesTicker is { Length: > 0 } s ? s : KalshiJson.SeriesOf(ticker),
            dto.Title ?? ticker,
            dto.SubTitle ?? string.Empty,
            dto.MutuallyExclusive ?? throw new KalshiDataException("mutually_exclusive", null, $"is missing for event {ticker}"),
            dto.CollateralReturnType ?? string.Empty,
            dto.StrikeDate,
            string.IsNullOrEmpty(dto.StrikePeriod) ? null : dto.StrikePeriod,
            feeOverride,
            snapshots);
    }
}
