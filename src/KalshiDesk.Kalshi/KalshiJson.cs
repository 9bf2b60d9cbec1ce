using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;

namespace KalshiDesk.Kalshi;

/// <summary>Wire ↔ Domain mapping: the one place Kalshi's strings become Domain decimals.</summary>
internal static class KalshiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static MarketSnapshot ToSnapshot(MarketDto dto, DateTimeOffset observedAt)
    {
        var ticker = Required(dto.Ticker, "ticker", null);
        var eventTicker = Required(dto.EventTicker, "event_ticker", ticker);
        var yesBid = ParsePrice(dto.YesBidDollars, "yes_bid_dollars", ticker);
        var yesAsk = ParsePrice(dto.YesAskDollars, "yes_ask_dollars", ticker);
        var last = ParsePrice(dto.LastPriceDollars, "last_price_dollars", ticker);
        return new MarketSnapshot(
            ticker,
            eventTicker,
            SeriesOf(eventTicker),
            dto.Title ?? ticker,
            string.Empty,
            ParseStatus(dto.Status, ticker),
            yesBid is { Dollars: > 0m } ? yesBid : null,          // "0.0000" means nobody bids
            yesAsk is { Dollars: < 1m } ? yesAsk : null,          // "1.0000" means nobody offers
            last is { Dollars: > 0m } ? last : null,
            ParseCount(dto.VolumeFp, "volume_fp", ticker) ?? Quantity.Zero,
            dto.CloseTime ?? throw new KalshiDataException("close_time", ticker, "is missing"),
            FeeSchedule.Standard,
            dto.FractionalTradingEnabled ?? false,
            observedAt);
    }

    public static OrderBook ToOrderBook(OrderBookFpDto? dto, string ticker) =>
        new(Levels(dto?.YesDollars, "yes_dollars", ticker), Levels(dto?.NoDollars, "no_dollars", ticker));

    public static FeeSchedule ToFees(SeriesDto dto)
    {
        var type = dto.FeeType switch
        {
            null or "" or "quadratic" => FeeType.Quadratic,
            "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
            "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
            "flat" => FeeType.Flat,
            var other => throw new KalshiDataException("fee_type", null, $"unknown value '{other}' for series {dto.Ticker}"),
        };
        var multiplier = dto.FeeMultiplier ?? 1d;
        if (double.IsNaN(multiplier) || multiplier is < 0d or > 10d)
        {
            throw new KalshiDataException("fee_multiplier", null, $"{multiplier} is out of range for series {dto.Ticker}");
        }

        return new FeeSchedule(type, (decimal)multiplier);
    }

    /// <summary>Kalshi series tickers are the event ticker's first segment (KXHIGHNY-26NOV24 → KXHIGHNY).</summary>
    public static string SeriesOf(string eventTicker)
    {
        var dash = eventTicker.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? eventTicker[..dash] : eventTicker;
    }

    public static Price? ParsePrice(string? text, string field, string? ticker)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value is < 0m or > 1m)
        {
            throw new KalshiDataException(field, ticker, $"'{text}' is not a price between 0 and 1 dollars");
        }

        return Price.FromDollars(value);
    }

    public static Quantity? ParseCount(string? text, string field, string? ticker)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 2) != value)
        {
            throw new KalshiDataException(field, ticker, $"'{text}' is not a count of contracts");
        }

        return Quantity.Of(value);
    }

    private static MarketStatus ParseStatus(string? status, string ticker) => status switch
    {
        "initialized" => MarketStatus.Initialized,
        "active" => MarketStatus.Active,
        "inactive" => MarketStatus.Inactive,
        "closed" => MarketStatus.Closed,
        "determined" => MarketStatus.Determined,
        "disputed" => MarketStatus.Disputed,
        "amended" => MarketStatus.Amended,
        "finalized" => MarketStatus.Finalized,
        _ => throw new KalshiDataException("status", ticker, $"unknown value '{status}'"),
    };

    private static string Required(string? value, string field, string? ticker) =>
        string.IsNullOrWhiteSpace(value) ? throw new KalshiDataException(field, ticker, "is missing") : value;

    private static List<BookLevel> Levels(List<List<string>>? rows, string field, string ticker)
    {
        var levels = new List<BookLevel>();
        foreach (var row in rows ?? [])
        {
            if (row.Count < 2)
            {
                throw new KalshiDataException($"orderbook_fp.{field}", ticker, "a level must be [price, count]");
            }

            levels.Add(new BookLevel(
                ParsePrice(row[0], $"orderbook_fp.{field}", ticker) ?? throw new KalshiDataException($"orderbook_fp.{field}", ticker, "empty price"),
                ParseCount(row[1], $"orderbook_fp.{field}", ticker) ?? Quantity.Zero));
        }

        return levels;
    }
}
