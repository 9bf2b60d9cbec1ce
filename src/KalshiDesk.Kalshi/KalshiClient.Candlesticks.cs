using KalshiDesk.Domain.Markets;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

namespace KalshiDesk.Kalshi;

public sealed partial class KalshiClient
{
    /// <summary>A market's candles: <c>GET /series/{series_ticker}/markets/{ticker}/candlesticks</c>.</summary>
    /// <param name="start">Candles ending at or after this time (sent as Unix seconds).</param>
    /// <param name="end">Candles ending at or before this time (sent as Unix seconds).</param>
    /// <param name="periodMinutes">1, 60 or 1440.</param>
    public async Task<IReadOnlyList<Candlestick>> GetCandlesticksAsync(
        string seriesTicker, string ticker, DateTimeOffset start, DateTimeOffset end, int periodMinutes, CancellationToken ct = default)
    {
        CheckCandleRange(start, end, periodMinutes);
        var path = Query(
            $"series/{Segment(seriesTicker, nameof(seriesTicker))}/markets/{Segment(ticker, nameof(ticker))}/candlesticks",
            ("start_ts", UnixSeconds(start)),
            ("end_ts", UnixSeconds(end)),
            ("period_interval", Invariant(periodMinutes)));
        var dto = await GetAsync<CandlesticksDto>(path, ct).ConfigureAwait(false);
        return [.. (dto.Candlesticks ?? []).Select(c => KalshiJson.ToCandlestick(c, ticker))];
    }

    /// <summary>Candles of up to <see cref="MaxTickersPerBatch"/> markets: <c>GET /markets/candlesticks</c>, keyed by ticker.</summary>
    /// <param name="periodMinutes">1, 60 or 1440.</param>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Candlestick>>> GetBatchCandlesticksAsync(
        IReadOnlyList<string> tickers, DateTimeOffset start, DateTimeOffset end, int periodMinutes, CancellationToken ct = default)
    {
        CheckBatch(tickers, nameof(tickers));
        CheckCandleRange(start, end, periodMinutes);
        var path = Query(
            "markets/candlesticks",
            ("market_tickers", string.Join(',', tickers)),
            ("start_ts", UnixSeconds(start)),
            ("end_ts", UnixSeconds(end)),
            ("period_interval", Invariant(periodMinutes)));
        var dto = await GetAsync<BatchCandlesticksDto>(path, ct).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<Candlestick>>(StringComparer.Ordinal);
        foreach (var market in dto.Markets ?? [])
        {
            var ticker = market.MarketTicker is { Length: > 0 } t ? t : throw new KalshiDataException("markets.market_ticker", null, "is missing");
            result[ticker] = [.. (market.Candlesticks ?? []).Select(c => KalshiJson.ToCandlestick(c, ticker))];
        }

        return result;
    }

    /// <summary>Where live data ends and <c>/historical/*</c> begins: <c>GET /historical/cutoff</c>.</summary>
    public async Task<HistoricalCutoff> GetHistoricalCutoffAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<HistoricalCutoffDto>("historical/cutoff", ct).ConfigureAwait(false);
        return new HistoricalCutoff(
            dto.MarketSettledTs ?? throw new KalshiDataException("market_settled_ts", null, "is missing"),
            dto.TradesCreatedTs ?? throw new KalshiDataException("trades_created_ts", null, "is missing"),
            dto.OrdersUpdatedTs ?? throw new KalshiDataException("orders_updated_ts", null, "is missing"),
            dto.MarketPositionsLastUpdatedTs);
    }

    /// <summary>Archived markets, page by page: <c>GET /historical/markets</c> (Kalshi treats its filters as mutually exclusive).</summary>
    public IAsyncEnumerable<MarketSnapshot> GetHistoricalMarketsAsync(
        IReadOnlyList<string>? tickers = null, string? eventTicker = null, string? seriesTicker = null, CancellationToken ct = default) =>
        MarketPagesAsync("historical/markets", new MarketFilter(EventTicker: eventTicker, SeriesTicker: seriesTicker, Tickers: tickers), ct);

    /// <summary>Candles of an archived market: <c>GET /historical/markets/{ticker}/candlesticks</c> (unsuffixed keys).</summary>
    /// <param name="periodMinutes">1, 60 or 1440.</param>
    public async Task<IReadOnlyList<Candlestick>> GetHistoricalCandlesticksAsync(
        string ticker, DateTimeOffset start, DateTimeOffset end, int periodMinutes, CancellationToken ct = default)
    {
        CheckCandleRange(start, end, periodMinutes);
        var path = Query(
            $"historical/markets/{Segment(ticker, nameof(ticker))}/candlesticks",
            ("start_ts", UnixSeconds(start)),
            ("end_ts", UnixSeconds(end)),
            ("period_interval", Invariant(periodMinutes)));
        var dto = await GetAsync<HistoricalCandlesticksDto>(path, ct).ConfigureAwait(false);
        return [.. (dto.Candlesticks ?? []).Select(c => KalshiJson.ToCandlestick(c, ticker))];
    }

    /// <summary>Archived trades, page by page: <c>GET /historical/trades</c>.</summary>
    public IAsyncEnumerable<PublicTrade> GetHistoricalTradesAsync(string? ticker = null, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken ct = default) =>
        TradePagesAsync("historical/trades", ticker, from, to, ct);

    private static void CheckCandleRange(DateTimeOffset start, DateTimeOffset end, int periodMinutes)
    {
        // Kalshi's period_interval enum: 1 minute, 1 hour, 1 day.
        if (periodMinutes is not (1 or 60 or 1440))
        {
            throw new ArgumentOutOfRangeException(nameof(periodMinutes), periodMinutes, "Kalshi candles are 1, 60 or 1440 minutes.");
        }

        if (end < start)
        {
            throw new ArgumentException($"The end {end:O} is before the start {start:O}.", nameof(end));
        }
    }
}
