using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;

namespace KalshiDesk.Kalshi;

/// <summary>The Kalshi Trade API v2 over HTTP; DTOs stay inside, Domain types come out.</summary>
public sealed partial class KalshiClient(HttpClient http, TimeProvider time) : IKalshiClient
{
    public async Task<ExchangeStatus> GetExchangeStatusAsync(CancellationToken ct = default)
    {
        var dto = await GetAsync<ExchangeStatusDto>("exchange/status", ct).ConfigureAwait(false);
        return new ExchangeStatus(dto.ExchangeActive, dto.TradingActive);
    }

    public async IAsyncEnumerable<MarketSnapshot> GetMarketsAsync(MarketQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, "Kalshi pages hold 1 to 1000 markets.");
        }

        string? cursor = null;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var url = new StringBuilder("markets?limit=").Append(query.PageSize.ToString(CultureInfo.InvariantCulture));
            Append(url, "status", query.Status);
            Append(url, "event_ticker", query.EventTicker);
            Append(url, "series_ticker", query.SeriesTicker);
            Append(url, "cursor", cursor);
            var page = await GetAsync<MarketsPageDto>(url.ToString(), ct).ConfigureAwait(false);
            var observedAt = time.GetUtcNow();
            foreach (var market in page.Markets ?? [])
            {
                yield return KalshiJson.ToSnapshot(market, observedAt);
            }

            cursor = string.IsNullOrEmpty(page.Cursor) ? null : page.Cursor;
            if (cursor is not null && !seenCursors.Add(cursor))
            {
                throw new KalshiDataException("cursor", null, $"the exchange returned cursor '{cursor}' twice; paging stopped to avoid a loop");
            }
        }
        while (cursor is not null);
    }

    public async Task<MarketSnapshot> GetMarketAsync(string ticker, CancellationToken ct = default)
    {
        var dto = await GetAsync<MarketEnvelopeDto>($"markets/{Uri.EscapeDataString(ticker)}", ct).ConfigureAwait(false);
        return KalshiJson.ToSnapshot(dto.Market ?? throw new KalshiDataException("market", ticker, "is missing"), time.GetUtcNow());
    }

    public async Task<OrderBook> GetOrderBookAsync(string ticker, int depth = 0, CancellationToken ct = default)
    {
        var path = $"markets/{Uri.EscapeDataString(ticker)}/orderbook" + (depth > 0 ? $"?depth={depth.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        var dto = await GetAsync<OrderBookEnvelopeDto>(path, ct).ConfigureAwait(false);
        return KalshiJson.ToOrderBook(dto.OrderbookFp, ticker);
    }

    public async Task<SeriesInfo> GetSeriesAsync(string seriesTicker, CancellationToken ct = default)
    {
        var dto = await GetAsync<SeriesEnvelopeDto>($"series/{Uri.EscapeDataString(seriesTicker)}", ct).ConfigureAwait(false);
        var series = dto.Series ?? throw new KalshiDataException("series", null, $"missing for {seriesTicker}");
        return new SeriesInfo(series.Ticker ?? seriesTicker, series.Title ?? seriesTicker, series.Category ?? string.Empty, KalshiJson.ToFees(series));
    }

    public async Task<OrderAck> CreateOrderAsync(OrderRequest order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        // V2 orders are YES-denominated: buying NO at x is an ask (sell YES) at 1 − x.
        var body = KalshiJson.ToCreateOrder(order);
        const string path = "portfolio/events/orders";
        using var response = await http.PostAsJsonAsync(path, body, KalshiJson.Options, ct).ConfigureAwait(false);
        var dto = await ReadAsync<CreateOrderResponseDto>(response, path, ct).ConfigureAwait(false);
        var avg = KalshiJson.ParsePrice(dto.AverageFillPrice, "average_fill_price", order.Ticker);
        return new OrderAck(
            dto.OrderId ?? throw new KalshiDataException("order_id", order.Ticker, "is missing"),
            dto.ClientOrderId ?? order.ClientOrderId,
            KalshiJson.ParseCount(dto.FillCount, "fill_count", order.Ticker) ?? Quantity.Zero,
            KalshiJson.ParseCount(dto.RemainingCount, "remaining_count", order.Ticker) ?? Quantity.Zero,
            avg,
            string.IsNullOrEmpty(dto.AverageFeePaid) ? null : decimal.Parse(dto.AverageFeePaid, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    private static void Append(StringBuilder url, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            url.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, path, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var (code, message) = ParseError(text, response.StatusCode);
            throw new KalshiApiException(response.StatusCode, code, message, path);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, KalshiJson.Options)
                ?? throw new KalshiDataException(path, null, "the response body is empty");
        }
        catch (JsonException ex)
        {
            throw new KalshiDataException(ex.Path ?? path, null, $"malformed JSON from {path}: {ex.Message}");
        }
    }

    /// <summary>Kalshi sends <c>{"error":{"code","message"}}</c>, and for 429 sometimes <c>{"error":"too many requests"}</c>.</summary>
    internal static (string Code, string Message) ParseError(string body, HttpStatusCode status)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    var text = error.GetString() ?? string.Empty;
                    return (text.Replace(' ', '_'), text);
                }

                if (error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) ? c.ToString() : status.ToString();
                    var message = error.TryGetProperty("message", out var m) ? m.ToString() : code;
                    return (code, message);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through and report the raw text.
        }

        return (((int)status).ToString(CultureInfo.InvariantCulture), body.Length > 200 ? body[..200] : body);
    }
}
