using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using KalshiDesk.Sandbox.Wire;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>Sandbox state → the <c>msg</c> bodies of Kalshi's stream (AsyncAPI 2026-08-04). Called under the exchange's lock.</summary>
internal static class StreamMessages
{
    /// <summary>
    /// A <c>market_lifecycle_v2</c> body (or, for <see cref="LifecycleKind.EventCreated"/>, an <c>event_lifecycle</c> one),
    /// with only the keys Kalshi sends for that kind.
    /// </summary>
    public static (string Type, Dictionary<string, object> Body) Lifecycle(LifecycleNotice notice)
    {
        if (notice.Kind == LifecycleKind.EventCreated)
        {
            var created = notice.Event;
            return ("event_lifecycle", new Dictionary<string, object>
            {
                ["event_ticker"] = created.EventTicker,
                ["exchange_index"] = 0,
                ["title"] = created.Title,
                ["subtitle"] = created.SubTitle,
                ["collateral_return_type"] = created.MutuallyExclusive ? "MECNET" : string.Empty,
                ["series_ticker"] = created.Series.Ticker,
                ["strike_date"] = created.StrikeDate.ToUnixTimeSeconds(),
            });
        }

        var market = notice.Market!;
        var body = new Dictionary<string, object>
        {
            ["market_ticker"] = market.Ticker,
            ["event_type"] = notice.Kind switch
            {
                LifecycleKind.Created => "created",
                LifecycleKind.Activated => "activated",
                LifecycleKind.Deactivated => "deactivated",
                LifecycleKind.Determined => "determined",
                _ => "settled",
            },
        };
        switch (notice.Kind)
        {
            case LifecycleKind.Created:
                body["exchange_index"] = 0;
                body["open_ts"] = market.OpenTime.ToUnixTimeSeconds();
                body["close_ts"] = market.CloseTime.ToUnixTimeSeconds();
                body["price_level_structure"] = "linear_cent";
                var metadata = new Dictionary<string, object>
                {
                    ["name"] = market.Title,
                    ["title"] = market.Title,
                    ["yes_sub_title"] = market.YesSubTitle,
                    ["no_sub_title"] = market.NoSubTitle,
                    ["rules_primary"] = market.RulesPrimary,
                    ["rules_secondary"] = market.RulesSecondary,
                    ["can_close_early"] = market.CanCloseEarly,
                    ["event_ticker"] = market.Event.EventTicker,
                    ["expected_expiration_ts"] = market.ExpectedExpirationTime.ToUnixTimeSeconds(),
                    ["strike_type"] = market.StrikeType,
                };
                if (market.FloorStrike is { } strike)
                {
                    metadata["floor_strike"] = strike;
                }

                body["additional_metadata"] = metadata;
                break;
            case LifecycleKind.Deactivated:
                body["is_deactivated"] = true;
                break;
            case LifecycleKind.Determined:
                body["result"] = market.Result == true ? "yes" : "no";
                body["determination_ts"] = notice.At.ToUnixTimeSeconds();
                body["settlement_value"] = SandboxJson.Dollars(market.Result == true ? 1m : 0m);
                break;
            case LifecycleKind.Settled:
                body["settled_ts"] = notice.At.ToUnixTimeSeconds();
                break;
        }

        return ("market_lifecycle_v2", body);
    }

    /// <summary>Both sides ascending by the price sent, like <c>GET /markets/{t}/orderbook</c>; an empty side is left out.</summary>
    /// <param name="useYesPrice">NO bids at x are sent as 1 − x (their YES-ask price) instead of x.</param>
    public static StreamSnapshotJson Snapshot(SandboxMarket market, bool useYesPrice)
    {
        var yes = market.Book.Levels(Side.Yes);
        yes.Reverse();
        var no = market.Book.Levels(Side.No);
        if (useYesPrice)
        {
            // Best-first NO bids, complemented, are already ascending in YES prices.
            no = [.. no.Select(l => l with { Price = l.Price.Complement })];
        }
        else
        {
            no.Reverse();
        }

        return new StreamSnapshotJson(market.Ticker, MarketIds.For(market.Ticker), Ladder(yes), Ladder(no));
    }

    public static StreamDeltaJson Delta(string ticker, LevelChange change, bool useYesPrice, DateTimeOffset now)
    {
        var price = change.Outcome == Side.No && useYesPrice ? change.Price.Complement : change.Price;
        return new StreamDeltaJson(
            ticker,
            MarketIds.For(ticker),
            SandboxJson.Dollars(price),
            SandboxJson.Count(change.Delta),
            OutcomeName(change.Outcome),
            SandboxJson.Time(now),
            now.ToUnixTimeMilliseconds());
    }

    public static StreamTickerJson Ticker(SandboxMarket market, TickerState state, DateTimeOffset now) => new()
    {
        MarketTicker = market.Ticker,
        MarketId = MarketIds.For(market.Ticker),
        PriceDollars = SandboxJson.Dollars(state.LastPrice),
        YesBidDollars = SandboxJson.Dollars(state.YesBid),
        YesAskDollars = SandboxJson.Dollars(state.YesAsk),
        VolumeFp = SandboxJson.Count(state.Volume),
        OpenInterestFp = SandboxJson.Count(state.OpenInterest),

        // The Sandbox keeps no dollar totals per market (REST has none either), so these read 0.
        DollarVolume = 0,
        DollarOpenInterest = 0,
        YesBidSizeFp = SandboxJson.Count(state.YesBidSize),
        YesAskSizeFp = SandboxJson.Count(state.YesAskSize),
        LastTradeSizeFp = SandboxJson.Count(state.LastTradeSize),
        Ts = now.ToUnixTimeSeconds(),
        TsMs = now.ToUnixTimeMilliseconds(),
        Time = SandboxJson.Time(now),
    };

    public static StreamTradeJson Trade(Trade trade) => new()
    {
        TradeId = trade.TradeId,
        MarketTicker = trade.Ticker,
        YesPriceDollars = SandboxJson.Dollars(trade.YesPrice),
        NoPriceDollars = SandboxJson.Dollars(trade.YesPrice.Complement),
        CountFp = SandboxJson.Count(trade.Count),
        TakerSide = OutcomeName(trade.TakerOutcome),
        TakerOutcomeSide = OutcomeName(trade.TakerOutcome),
        TakerBookSide = trade.TakerOutcome == Side.Yes ? "bid" : "ask",
        Ts = trade.CreatedTime.ToUnixTimeSeconds(),
        TsMs = trade.CreatedTime.ToUnixTimeMilliseconds(),
    };

    /// <summary>The fill as <c>GET /portfolio/fills</c> lists it (V2: <c>side</c> yes, <c>action</c> buy for a bid, sell for an ask).</summary>
    /// <param name="postPosition">Contracts held right after this fill: positive YES, negative NO.</param>
    public static StreamFillJson Fill(AccountFill fill, decimal postPosition, string? clientOrderId)
    {
        var rest = WireMapper.Fill(fill);
        return new StreamFillJson
        {
            TradeId = rest.TradeId,
            OrderId = rest.OrderId,
            MarketTicker = rest.MarketTicker,
            IsTaker = rest.IsTaker,
            Side = rest.Side,
            Action = rest.Action,
            OutcomeSide = rest.OutcomeSide,
            BookSide = rest.BookSide,
            PurchasedSide = rest.OutcomeSide,
            YesPriceDollars = rest.YesPriceDollars,
            NoPriceDollars = rest.NoPriceDollars,
            CountFp = rest.CountFp,
            FeeCost = rest.FeeCost,
            PostPositionFp = SandboxJson.Count(postPosition),
            ClientOrderId = string.IsNullOrEmpty(clientOrderId) ? null : clientOrderId,
            Ts = fill.CreatedTime.ToUnixTimeSeconds(),
            TsMs = fill.CreatedTime.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>The order as <c>GET /portfolio/orders/{id}</c> returns it, in the stream's field names.</summary>
    public static StreamUserOrderJson UserOrder(AccountOrder order)
    {
        var rest = WireMapper.Order(order);
        return new StreamUserOrderJson
        {
            OrderId = rest.OrderId,
            UserId = rest.UserId,
            Ticker = rest.Ticker,
            Status = rest.Status,
            Side = rest.OutcomeSide,
            IsYes = order.Outcome == Side.Yes,
            OutcomeSide = rest.OutcomeSide,
            BookSide = rest.BookSide,
            YesPriceDollars = rest.YesPriceDollars,
            FillCountFp = rest.FillCountFp,
            RemainingCountFp = rest.RemainingCountFp,
            InitialCountFp = rest.InitialCountFp,
            TakerFillCostDollars = rest.TakerFillCostDollars,
            MakerFillCostDollars = rest.MakerFillCostDollars,
            TakerFeesDollars = rest.TakerFeesDollars,
            MakerFeesDollars = rest.MakerFeesDollars,
            ClientOrderId = rest.ClientOrderId,
            OrderGroupId = rest.OrderGroupId,
            SelfTradePreventionType = rest.SelfTradePreventionType,
            CreatedTime = rest.CreatedTime,
            CreatedTsMs = order.CreatedTime.ToUnixTimeMilliseconds(),
            LastUpdateTime = rest.LastUpdateTime,
            LastUpdatedTsMs = order.LastUpdateTime.ToUnixTimeMilliseconds(),
            ExpirationTime = rest.ExpirationTime,
            ExpirationTsMs = order.ExpirationTime?.ToUnixTimeMilliseconds(),
        };
    }

    private static List<string[]>? Ladder(List<BookLevel> ascending) =>
        ascending.Count == 0 ? null : [.. ascending.Select(l => new[] { SandboxJson.Dollars(l.Price), SandboxJson.Count(l.Size) })];

    private static string OutcomeName(Side outcome) => outcome == Side.Yes ? "yes" : "no";
}
