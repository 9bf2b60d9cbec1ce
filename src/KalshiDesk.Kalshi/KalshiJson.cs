using System.Globalization;
using System.Text.Json;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Kalshi.Dto;
using KalshiDesk.Kalshi.Models;

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
            observedAt)
        {
            StrikeType = string.IsNullOrEmpty(dto.StrikeType) ? null : dto.StrikeType,
            FloorStrike = dto.FloorStrike,
            Result = ParseResult(dto.Result, ticker),
            SettledAt = dto.SettlementTs,
            SettlementValue = ParseSettlementValue(dto.SettlementValueDollars, ticker),
        };
    }

    /// <summary>What one YES contract paid, $0 to $1 inclusive (unlike a quote, both ends are real payouts).</summary>
    private static Price? ParseSettlementValue(string? value, string ticker)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars) || dollars is < 0m or > 1m)
        {
            throw new KalshiDataException("settlement_value_dollars", ticker, $"'{value}' is not a dollar amount between 0 and 1");
        }

        return Price.FromDollars(dollars);
    }

    private static MarketResult ParseResult(string? result, string ticker) => result switch
    {
        null or "" => MarketResult.None,
        "yes" => MarketResult.Yes,
        "no" => MarketResult.No,
        "scalar" => MarketResult.Scalar,
        var other => throw new KalshiDataException("result", ticker, $"unknown value '{other}' (yes, no, scalar or empty)"),
    };

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

    /// <summary>A required price: missing is as bad as malformed.</summary>
    public static Price RequiredPrice(string? text, string field, string? ticker) =>
        ParsePrice(text, field, ticker) ?? throw new KalshiDataException(field, ticker, "is missing");

    /// <summary>A required non-negative count of contracts.</summary>
    public static Quantity RequiredCount(string? text, string field, string? ticker) =>
        ParseCount(text, field, ticker) ?? throw new KalshiDataException(field, ticker, "is missing");

    /// <summary>A signed count with at most two decimals, e.g. <c>position_fp</c> (+ YES, − NO).</summary>
    public static decimal ParseSignedCount(string? text, string field, string? ticker)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new KalshiDataException(field, ticker, "is missing");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 2) != value)
        {
            throw new KalshiDataException(field, ticker, $"'{text}' is not a signed count of contracts");
        }

        return value;
    }

    /// <summary>A fixed-point dollar amount (<c>FixedPointDollars</c>, up to 6 decimals); signed, since P&amp;L can be a loss.</summary>
    public static Money? ParseMoney(string? text, string field, string? ticker)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || decimal.Round(value, 6) != value)
        {
            throw new KalshiDataException(field, ticker, $"'{text}' is not an amount of dollars");
        }

        return new Money(value);
    }

    public static Money RequiredMoney(string? text, string field, string? ticker) =>
        ParseMoney(text, field, ticker) ?? throw new KalshiDataException(field, ticker, "is missing");

    /// <summary>A dollar amount that can only be zero or more (costs, fees, exposure).</summary>
    public static Money RequiredNonNegativeMoney(string? text, string field, string? ticker)
    {
        var money = RequiredMoney(text, field, ticker);
        return money.Dollars < 0m ? throw new KalshiDataException(field, ticker, $"'{text}' is negative") : money;
    }

    /// <summary>Integer cents (the fields Kalshi never moved to dollar strings: balance, revenue, value).</summary>
    public static Money FromCents(long cents, string field, string? ticker, bool allowNegative = false) =>
        cents < 0 && !allowNegative ? throw new KalshiDataException(field, ticker, $"{cents} cents is negative") : Money.FromCents(cents);

    public static Side ParseOutcomeSide(string? text, string field, string? ticker) => text switch
    {
        "yes" => Side.Yes,
        "no" => Side.No,
        _ => throw new KalshiDataException(field, ticker, text is null ? "is missing" : $"unknown value '{text}'"),
    };

    public static BookSide ParseBookSide(string? text, string field, string? ticker) => text switch
    {
        "bid" => BookSide.Bid,
        "ask" => BookSide.Ask,
        _ => throw new KalshiDataException(field, ticker, text is null ? "is missing" : $"unknown value '{text}'"),
    };

    /// <summary>
    /// The direction of an order or fill: <c>outcome_side</c>/<c>book_side</c> when present, else the deprecated
    /// <c>side</c>/<c>action</c> (Kalshi docs "order direction": buy yes and sell no are yes/bid; buy no and sell yes are no/ask).
    /// </summary>
    public static (Side Outcome, BookSide Book) ToDirection(string? outcomeSide, string? bookSide, string? legacySide, string? legacyAction, string? ticker)
    {
        if (!string.IsNullOrEmpty(outcomeSide))
        {
            var outcome = ParseOutcomeSide(outcomeSide, "outcome_side", ticker);
            var book = string.IsNullOrEmpty(bookSide) ? BookOf(outcome) : ParseBookSide(bookSide, "book_side", ticker);
            return book == BookOf(outcome) ? (outcome, book) : throw new KalshiDataException("book_side", ticker, $"'{bookSide}' contradicts outcome_side '{outcomeSide}'");
        }

        if (!string.IsNullOrEmpty(bookSide))
        {
            var book = ParseBookSide(bookSide, "book_side", ticker);
            return (book == BookSide.Bid ? Side.Yes : Side.No, book);
        }

        var side = ParseOutcomeSide(legacySide, "side", ticker);
        var outcomeFromLegacy = legacyAction switch
        {
            "buy" => side,
            "sell" => side == Side.Yes ? Side.No : Side.Yes,
            _ => throw new KalshiDataException("action", ticker, legacyAction is null ? "is missing" : $"unknown value '{legacyAction}'"),
        };
        return (outcomeFromLegacy, BookOf(outcomeFromLegacy));
    }

    /// <summary>V2 orders are YES-denominated: buying NO at x is an ask (sell YES) at 1 − x.</summary>
    public static (string Side, string Price) ToV2Side(Side side, Price price) =>
        side == Side.Yes ? ("bid", price.ToString()) : ("ask", price.Complement.ToString());

    public static CreateOrderRequestDto ToCreateOrder(OrderRequest order)
    {
        var (side, price) = ToV2Side(order.Side, order.LimitPrice);
        return new CreateOrderRequestDto
        {
            Ticker = order.Ticker,
            ClientOrderId = order.ClientOrderId,
            Side = side,
            Price = price,
            Count = order.Count.ToString(),
            TimeInForce = order.TimeInForce switch
            {
                TimeInForce.FillOrKill => "fill_or_kill",
                TimeInForce.GoodTillCanceled => "good_till_canceled",
                _ => "immediate_or_cancel",
            },
            PostOnly = order.PostOnly,
            ExpirationTime = order.ExpiresAt?.ToUnixTimeSeconds(),
            OrderGroupId = order.OrderGroupId,
        };
    }

    /// <summary>A fee type and multiplier outside a series object (fee changes, event overrides).</summary>
    public static FeeSchedule ToFees(string? feeType, decimal? multiplier, string typeField, string multiplierField, string owner)
    {
        var type = feeType switch
        {
            "quadratic" => FeeType.Quadratic,
            "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
            "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
            "flat" => FeeType.Flat,
            null or "" => throw new KalshiDataException(typeField, null, $"is missing for {owner}"),
            var other => throw new KalshiDataException(typeField, null, $"unknown value '{other}' for {owner}"),
        };
        var value = multiplier ?? throw new KalshiDataException(multiplierField, null, $"is missing for {owner}");
        return value is < 0m or > 10m
            ? throw new KalshiDataException(multiplierField, null, $"{value} is out of range for {owner}")
            : new FeeSchedule(type, value);
    }

    /// <summary>An event's fee override, or null when both halves are null (the override is cleared).</summary>
    public static FeeSchedule? ToFeeOverride(string? feeType, decimal? multiplier, string owner) =>
        string.IsNullOrEmpty(feeType) && multiplier is null
            ? null
            : ToFees(feeType, multiplier ?? 1m, "fee_type_override", "fee_multiplier_override", owner);

    public static Candlestick ToCandlestick(CandlestickDto dto, string ticker) => new(
        DateTimeOffset.FromUnixTimeSeconds(dto.EndPeriodTs ?? throw new KalshiDataException("end_period_ts", ticker, "is missing")),
        new TradePrices(
            ParsePrice(dto.Price?.OpenDollars, "price.open_dollars", ticker),
            ParsePrice(dto.Price?.HighDollars, "price.high_dollars", ticker),
            ParsePrice(dto.Price?.LowDollars, "price.low_dollars", ticker),
            ParsePrice(dto.Price?.CloseDollars, "price.close_dollars", ticker),
            ParsePrice(dto.Price?.MeanDollars, "price.mean_dollars", ticker),
            ParsePrice(dto.Price?.PreviousDollars, "price.previous_dollars", ticker)),
        ToQuoteOhlc(dto.YesBid, "yes_bid", "_dollars", ticker),
        ToQuoteOhlc(dto.YesAsk, "yes_ask", "_dollars", ticker),
        RequiredCount(dto.VolumeFp, "volume_fp", ticker),
        RequiredCount(dto.OpenInterestFp, "open_interest_fp", ticker));

    /// <summary>Historical candles carry the same values under unsuffixed keys (<c>open</c>, <c>volume</c>, …).</summary>
    public static Candlestick ToCandlestick(HistoricalCandlestickDto dto, string ticker) => new(
        DateTimeOffset.FromUnixTimeSeconds(dto.EndPeriodTs ?? throw new KalshiDataException("end_period_ts", ticker, "is missing")),
        new TradePrices(
            ParsePrice(dto.Price?.Open, "price.open", ticker),
            ParsePrice(dto.Price?.High, "price.high", ticker),
            ParsePrice(dto.Price?.Low, "price.low", ticker),
            ParsePrice(dto.Price?.Close, "price.close", ticker),
            ParsePrice(dto.Price?.Mean, "price.mean", ticker),
            ParsePrice(dto.Price?.Previous, "price.previous", ticker)),
        ToQuoteOhlc(dto.YesBid, "yes_bid", string.Empty, ticker),
        ToQuoteOhlc(dto.YesAsk, "yes_ask", string.Empty, ticker),
        RequiredCount(dto.Volume, "volume", ticker),
        RequiredCount(dto.OpenInterest, "open_interest", ticker));

    public static PublicTrade ToTrade(TradeDto dto)
    {
        var ticker = Required(dto.Ticker, "ticker", null);
        Side taker;
        BookSide book;
        if (!string.IsNullOrEmpty(dto.TakerOutcomeSide) || !string.IsNullOrEmpty(dto.TakerBookSide))
        {
            (taker, book) = ToDirection(dto.TakerOutcomeSide, dto.TakerBookSide, null, null, ticker);
        }
        else
        {
            // Before May 2026 only taker_side existed: the side the taker bought.
            taker = ParseOutcomeSide(dto.TakerSide, "taker_side", ticker);
            book = BookOf(taker);
        }

        return new PublicTrade(
            Required(dto.TradeId, "trade_id", ticker),
            ticker,
            RequiredCount(dto.CountFp, "count_fp", ticker),
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            RequiredPrice(dto.NoPriceDollars, "no_price_dollars", ticker),
            taker,
            book,
            dto.CreatedTime ?? throw new KalshiDataException("created_time", ticker, "is missing"),
            dto.IsBlockTrade ?? false);
    }

    public static ExchangeOrder ToOrder(OrderDto dto)
    {
        var ticker = Required(dto.Ticker, "ticker", null);
        var (outcome, book) = ToDirection(dto.OutcomeSide, dto.BookSide, dto.Side, dto.Action, ticker);
        return new ExchangeOrder(
            Required(dto.OrderId, "order_id", ticker),
            string.IsNullOrEmpty(dto.ClientOrderId) ? null : dto.ClientOrderId,
            ticker,
            outcome,
            book,
            dto.Status switch
            {
                "resting" => OrderStatus.Resting,
                "canceled" => OrderStatus.Canceled,
                "executed" => OrderStatus.Executed,
                _ => throw new KalshiDataException("status", ticker, dto.Status is null ? "is missing" : $"unknown value '{dto.Status}'"),
            },
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            ParseCount(dto.FillCountFp, "fill_count_fp", ticker) ?? Quantity.Zero,
            RequiredCount(dto.RemainingCountFp, "remaining_count_fp", ticker),
            RequiredCount(dto.InitialCountFp, "initial_count_fp", ticker),
            NonNegativeOrZero(dto.TakerFillCostDollars, "taker_fill_cost_dollars", ticker),
            NonNegativeOrZero(dto.MakerFillCostDollars, "maker_fill_cost_dollars", ticker),
            NonNegativeOrZero(dto.TakerFeesDollars, "taker_fees_dollars", ticker),
            NonNegativeOrZero(dto.MakerFeesDollars, "maker_fees_dollars", ticker),
            dto.CreatedTime,
            dto.LastUpdateTime,
            dto.ExpirationTime,
            string.IsNullOrEmpty(dto.OrderGroupId) ? null : dto.OrderGroupId);
    }

    public static OrderFill ToFill(FillDto dto)
    {
        var ticker = Required(dto.Ticker ?? dto.MarketTicker, "ticker", null);
        var (outcome, book) = ToDirection(dto.OutcomeSide, dto.BookSide, dto.Side, dto.Action, ticker);
        return new OrderFill(
            Required(dto.FillId ?? dto.TradeId, "fill_id", ticker),
            Required(dto.OrderId, "order_id", ticker),
            ticker,
            outcome,
            book,
            RequiredCount(dto.CountFp, "count_fp", ticker),
            RequiredPrice(dto.YesPriceDollars, "yes_price_dollars", ticker),
            RequiredPrice(dto.NoPriceDollars, "no_price_dollars", ticker),
            dto.IsTaker ?? throw new KalshiDataException("is_taker", ticker, "is missing"),
            NonNegativeOrZero(dto.FeeCost, "fee_cost", ticker),
            dto.CreatedTime ?? (dto.Ts is { } ts ? DateTimeOffset.FromUnixTimeSeconds(ts) : null));
    }

    public static Settlement ToSettlement(SettlementDto dto)
    {
        var ticker = Required(dto.Ticker, "ticker", null);

        // A binary YES contract pays between 0 and 100 cents.
        if (dto.Value is < 0 or > 100)
        {
            throw new KalshiDataException("value", ticker, $"{dto.Value} cents is outside 0–100");
        }

        return new Settlement(
            ticker,
            Required(dto.EventTicker, "event_ticker", ticker),
            dto.MarketResult switch
            {
                "yes" => SettlementResult.Yes,
                "no" => SettlementResult.No,
                "scalar" => SettlementResult.Scalar,
                "void" => SettlementResult.Void,
                _ => throw new KalshiDataException("market_result", ticker, dto.MarketResult is null ? "is missing" : $"unknown value '{dto.MarketResult}'"),
            },
            ParseCount(dto.YesCountFp, "yes_count_fp", ticker) ?? Quantity.Zero,
            NonNegativeOrZero(dto.YesTotalCostDollars, "yes_total_cost_dollars", ticker),
            ParseCount(dto.NoCountFp, "no_count_fp", ticker) ?? Quantity.Zero,
            NonNegativeOrZero(dto.NoTotalCostDollars, "no_total_cost_dollars", ticker),
            FromCents(dto.Revenue ?? throw new KalshiDataException("revenue", ticker, "is missing"), "revenue", ticker),
            NonNegativeOrZero(dto.FeeCost, "fee_cost", ticker),
            dto.SettledTime ?? throw new KalshiDataException("settled_time", ticker, "is missing"),
            dto.Value is { } cents ? Money.FromCents(cents) : null);
    }

    public static OrderAck ToAck(CreateOrderResponseDto dto, string ticker, string clientOrderId) => new(
        Required(dto.OrderId, "order_id", ticker),
        dto.ClientOrderId ?? clientOrderId,
        ParseCount(dto.FillCount, "fill_count", ticker) ?? Quantity.Zero,
        ParseCount(dto.RemainingCount, "remaining_count", ticker) ?? Quantity.Zero,
        ParsePrice(dto.AverageFillPrice, "average_fill_price", ticker),
        ParseMoney(dto.AverageFeePaid, "average_fee_paid", ticker)?.Dollars);

    /// <summary>Kalshi's per-item error object, or null when the item succeeded.</summary>
    public static ExchangeError? ToError(ErrorDto? dto) =>
        dto is null ? null : new ExchangeError(dto.Code ?? string.Empty, dto.Message ?? dto.Code ?? string.Empty, string.IsNullOrEmpty(dto.Details) ? null : dto.Details);

    public static DateTimeOffset? FromUnixMilliseconds(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private static Money NonNegativeOrZero(string? text, string field, string? ticker) =>
        string.IsNullOrEmpty(text) ? Money.Zero : RequiredNonNegativeMoney(text, field, ticker);

    private static BookSide BookOf(Side outcome) => outcome == Side.Yes ? BookSide.Bid : BookSide.Ask;

    private static QuoteOhlc ToQuoteOhlc(BidAskDto? dto, string field, string suffix, string ticker)
    {
        if (dto is null)
        {
            throw new KalshiDataException(field, ticker, "is missing");
        }

        return new QuoteOhlc(
            RequiredPrice(dto.OpenDollars ?? dto.Open, $"{field}.open{suffix}", ticker),
            RequiredPrice(dto.HighDollars ?? dto.High, $"{field}.high{suffix}", ticker),
            RequiredPrice(dto.LowDollars ?? dto.Low, $"{field}.low{suffix}", ticker),
            RequiredPrice(dto.CloseDollars ?? dto.Close, $"{field}.close{suffix}", ticker));
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
