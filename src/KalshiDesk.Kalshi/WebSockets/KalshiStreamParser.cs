using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>
/// Kalshi's WebSocket <c>msg</c> bodies → desk records. Current (2026) fields only: <c>*_dollars</c> prices and
/// <c>*_fp</c> counts; a required field missing or out of range is a <see cref="KalshiDataException"/>.
/// </summary>
internal static class KalshiStreamParser
{
    public static (string Ticker, List<BookLevel> YesBids, List<BookLevel> NoBids) Snapshot(JsonElement msg)
    {
        var dto = Bind<SnapshotDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);

        // Each key is absent when that side of the book is empty.
        return (ticker, Levels(dto.YesDollarsFp, "yes_dollars_fp", ticker), Levels(dto.NoDollarsFp, "no_dollars_fp", ticker));
    }

    public static (string Ticker, Side Side, Price Price, decimal Delta) Delta(JsonElement msg)
    {
        var dto = Bind<DeltaDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);
        var price = KalshiJson.ParsePrice(dto.PriceDollars, "price_dollars", ticker) ?? throw new KalshiDataException("price_dollars", ticker, "is missing");
        var deltaText = Required(dto.DeltaFp, "delta_fp", ticker);
        if (!decimal.TryParse(deltaText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var delta))
        {
            throw new KalshiDataException("delta_fp", ticker, $"'{deltaText}' is not a signed count of contracts");
        }

        return (ticker, ParseSide(dto.Side, "side", ticker), price, delta);
    }

    public static TickerUpdate Ticker(JsonElement msg, long sid, DateTimeOffset receivedAt)
    {
        var dto = Bind<TickerDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);
        return new TickerUpdate(
            sid,
            ticker,
            dto.MarketId,
            RequiredPrice(dto.PriceDollars, "price_dollars", ticker),
            RequiredPrice(dto.YesBidDollars, "yes_bid_dollars", ticker),
            RequiredPrice(dto.YesAskDollars, "yes_ask_dollars", ticker),
            Count(dto.YesBidSizeFp, "yes_bid_size_fp", ticker),
            Count(dto.YesAskSizeFp, "yes_ask_size_fp", ticker),
            Count(dto.LastTradeSizeFp, "last_trade_size_fp", ticker),
            Count(dto.VolumeFp, "volume_fp", ticker),
            Count(dto.OpenInterestFp, "open_interest_fp", ticker),
            dto.DollarVolume ?? 0,
            dto.DollarOpenInterest ?? 0,
            ExchangeTime(dto.TsMs, dto.Ts, ticker),
            receivedAt);
    }

    public static TradePrint Trade(JsonElement msg, long sid, DateTimeOffset receivedAt)
    {
        var dto = Bind<TradeDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);
        return new TradePrint(
            sid,
            Required(dto.TradeId, "trade_id", ticker),
            ticker,
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            RequiredPrice(dto.NoPriceDollars, "no_price_dollars", ticker),
            Count(dto.CountFp, "count_fp", ticker),
            ParseSide(dto.TakerOutcomeSide ?? dto.TakerSide, "taker_outcome_side", ticker),
            ExchangeTime(dto.TsMs, dto.Ts, ticker),
            receivedAt);
    }

    public static FillUpdate Fill(JsonElement msg, long sid, DateTimeOffset receivedAt)
    {
        var dto = Bind<FillDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);
        return new FillUpdate(
            sid,
            Required(dto.TradeId, "trade_id", ticker),
            Required(dto.OrderId, "order_id", ticker),
            ticker,
            dto.IsTaker ?? throw new KalshiDataException("is_taker", ticker, "is missing"),
            ParseSide(dto.OutcomeSide ?? dto.PurchasedSide ?? dto.Side, "outcome_side", ticker),
            dto.Action,
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            Count(dto.CountFp, "count_fp", ticker),
            Dollars(dto.FeeCost, "fee_cost", ticker) ?? Money.Zero,
            Signed(dto.PostPositionFp, "post_position_fp", ticker),
            dto.ClientOrderId,
            dto.Subaccount,
            ExchangeTime(dto.TsMs, dto.Ts, ticker),
            receivedAt);
    }

    public static UserOrderUpdate UserOrder(JsonElement msg, long sid, DateTimeOffset receivedAt)
    {
        var dto = Bind<UserOrderDto>(msg);
        var ticker = Required(dto.Ticker, "ticker", null);
        return new UserOrderUpdate(
            sid,
            Required(dto.OrderId, "order_id", ticker),
            ticker,
            Required(dto.Status, "status", ticker),
            ParseSide(dto.OutcomeSide ?? dto.Side, "outcome_side", ticker),
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            Count(dto.FillCountFp, "fill_count_fp", ticker),
            Count(dto.RemainingCountFp, "remaining_count_fp", ticker),
            Count(dto.InitialCountFp, "initial_count_fp", ticker),
            Dollars(dto.TakerFillCostDollars, "taker_fill_cost_dollars", ticker) ?? Money.Zero,
            Dollars(dto.MakerFillCostDollars, "maker_fill_cost_dollars", ticker) ?? Money.Zero,
            Dollars(dto.TakerFeesDollars, "taker_fees_dollars", ticker) ?? Money.Zero,
            Dollars(dto.MakerFeesDollars, "maker_fees_dollars", ticker) ?? Money.Zero,
            dto.ClientOrderId,
            dto.OrderGroupId,
            Millis(dto.CreatedTsMs),
            Millis(dto.LastUpdatedTsMs),
            Millis(dto.ExpirationTsMs),
            dto.SubaccountNumber,
            receivedAt);
    }

    public static LifecycleEvent Lifecycle(JsonElement msg, long sid, DateTimeOffset receivedAt)
    {
        var dto = Bind<LifecycleDto>(msg);
        var ticker = Required(dto.MarketTicker, "market_ticker", null);
        var name = Required(dto.EventType, "event_type", ticker);
        return new LifecycleEvent(
            sid,
            ticker,
            name switch
            {
                "created" => MarketLifecycleEventType.Created,
                "activated" => MarketLifecycleEventType.Activated,
                "deactivated" => MarketLifecycleEventType.Deactivated,
                "close_date_updated" => MarketLifecycleEventType.CloseDateUpdated,
                "determined" => MarketLifecycleEventType.Determined,
                "settled" => MarketLifecycleEventType.Settled,
                "price_level_structure_updated" => MarketLifecycleEventType.PriceLevelStructureUpdated,
                "metadata_updated" => MarketLifecycleEventType.MetadataUpdated,
                _ => MarketLifecycleEventType.Other,
            },
            name,
            Seconds(dto.OpenTs),
            Seconds(dto.CloseTs),
            dto.IsDeactivated,
            dto.Result,
            KalshiJson.ParsePrice(dto.SettlementValue, "settlement_value", ticker),
            Seconds(dto.DeterminationTs),
            Seconds(dto.SettledTs),
            dto.PriceLevelStructure,
            dto.AdditionalMetadata?.EventTicker,
            dto.AdditionalMetadata?.Title,
            receivedAt);
    }

    private static T Bind<T>(JsonElement msg)
        where T : class =>
        msg.ValueKind == JsonValueKind.Object
            ? msg.Deserialize<T>(KalshiJson.Options) ?? throw new KalshiDataException("msg", null, "is null")
            : throw new KalshiDataException("msg", null, $"is {msg.ValueKind}, not an object");

    private static string Required(string? value, string field, string? ticker) =>
        string.IsNullOrWhiteSpace(value) ? throw new KalshiDataException(field, ticker, "is missing") : value;

    private static Price RequiredPrice(string? text, string field, string ticker) =>
        KalshiJson.ParsePrice(text, field, ticker) ?? throw new KalshiDataException(field, ticker, "is missing");

    private static Quantity Count(string? text, string field, string ticker) =>
        KalshiJson.ParseCount(text, field, ticker) ?? throw new KalshiDataException(field, ticker, "is missing");

    private static Money? Dollars(string? text, string field, string ticker) =>
        string.IsNullOrEmpty(text)
            ? null
            : decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? new Money(value)
                : throw new KalshiDataException(field, ticker, $"'{text}' is not an amount in dollars");

    private static decimal Signed(string? text, string field, string ticker) =>
        decimal.TryParse(Required(text, field, ticker), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new KalshiDataException(field, ticker, $"'{text}' is not a signed count of contracts");

    private static Side ParseSide(string? text, string field, string ticker) => text switch
    {
        "yes" => Side.Yes,
        "no" => Side.No,
        _ => throw new KalshiDataException(field, ticker, text is null ? "is missing" : $"unknown side '{text}'"),
    };

    private static DateTimeOffset ExchangeTime(long? tsMs, long? ts, string ticker) =>
        Millis(tsMs) ?? Seconds(ts) ?? throw new KalshiDataException("ts_ms", ticker, "is missing");

    private static DateTimeOffset? Millis(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private static DateTimeOffset? Seconds(long? s) => s is { } value ? DateTimeOffset.FromUnixTimeSeconds(value) : null;

    private static List<BookLevel> Levels(List<List<string>>? rows, string field, string ticker)
    {
        var levels = new List<BookLevel>();
        foreach (var row in rows ?? [])
        {
            if (row.Count < 2)
            {
                throw new KalshiDataException(field, ticker, "a level must be [price, count]");
            }

            levels.Add(new BookLevel(RequiredPrice(row[0], field, ticker), Count(row[1], field, ticker)));
        }

        return levels;
    }
}
