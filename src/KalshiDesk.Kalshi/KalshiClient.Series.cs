using System.Runtime.CompilerServices;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>All series, optionally of one category: <c>GET /series</c> (not paged).</summary>
    public async Task<IReadOnlyList<SeriesInfo>> GetSeriesListAsync(string? category = null, CancellationToken ct = default)
    {
        var dto = await GetAsync<SeriesListDto>(Query("series", ("category", category)), ct).ConfigureAwait(false);
        return [.. (dto.Series ?? []).Select(s =>
        {
            var ticker = s.Ticker is { Length: > 0 } t ? t : throw new KalshiDataException("series.ticker", null, "is missing");
            return new SeriesInfo(ticker, s.Title ?? ticker, s.Category ?? string.Empty, KalshiJson.ToFees(s));
        })];
    }

    /// <summary>Scheduled series fee changes: <c>GET /series/fee_changes</c>.</summary>
    /// <param name="showHistorical">Include changes already in effect.</param>
    public async Task<IReadOnlyList<SeriesFeeChange>> GetSeriesFeeChangesAsync(string? seriesTicker = null, bool showHistorical = false, CancellationToken ct = default)
    {
        var path = Query("series/fee_changes", ("series_ticker", seriesTicker), ("show_historical", showHistorical ? "true" : null));
        var dto = await GetAsync<SeriesFeeChangesDto>(path, ct).ConfigureAwait(false);
        return [.. (dto.SeriesFeeChangeArr ?? []).Select(c =>
        {
            var series = c.SeriesTicker is { Length: > 0 } s ? s : throw new KalshiDataException("series_ticker", null, "is missing in a fee change");
            return new SeriesFeeChange(
                c.Id ?? throw new KalshiDataException("id", null, $"is missing in a fee change of series {series}"),
                series,
                KalshiJson.ToFees(c.FeeType, c.FeeMultiplier, "fee_type", "fee_multiplier", $"series {series}"),
                c.ScheduledTs ?? throw new KalshiDataException("scheduled_ts", null, $"is missing in a fee change of series {series}"));
        })];
    }

    /// <summary>Scheduled event fee overrides, page by page: <c>GET /events/fee_changes</c>.</summary>
    public async IAsyncEnumerable<EventFeeChange> GetEventFeeChangesAsync(string? eventTicker = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pages = PagesAsync<EventFeeChangesPageDto>(
            cursor => Query("events/fee_changes", ("limit", "1000"), ("event_ticker", eventTicker), ("cursor", cursor)),
            page => page.Cursor,
            ct);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var c in page.EventFeeChanges ?? [])
            {
                var evt = c.EventTicker is { Length: > 0 } e ? e : throw new KalshiDataException("event_ticker", null, "is missing in a fee change");
                yield return new EventFeeChange(
                    c.Id ?? throw new KalshiDataException("id", null, $"is missing in a fee change of event {evt}"),
                    evt,
                    c.SeriesTicker ?? KalshiJson.SeriesOf(evt),
                    KalshiJson.ToFeeOverride(c.FeeTypeOverride, c.FeeMultiplierOverride, $"event {evt}"),
                    c.ScheduledTs ?? throw new KalshiDataException("scheduled_ts", null, $"is missing in a fee change of event {evt}"));
            }
        }
    }
}
