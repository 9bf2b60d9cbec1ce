using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Accounts;
using KalshiDesk.Sandbox.Matching;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>Sandbox state → Kalshi's JSON objects. Called under the exchange's lock, so every object is one consistent moment.</summary>
internal static class WireMapper
{
    private const string UserId = "sandbox-demo-user";

    public static MarketJson Market(SandboxMarket market)
    {
        var book = market.Book;
        var yesBid = book.BestBid(Side.Yes);
        var noBid = book.BestBid(Side.No);
        return new MarketJson
        {
            Ticker = market.Ticker,
            EventTicker = market.Event.EventTicker,
            Title = market.Title,
            Subtitle = market.Subtitle,
            YesSubTitle = market.YesSubTitle,
            NoSubTitle = market.NoSubTitle,
            CreatedTime = SandboxJson.Time(market.CreatedTime),
            
            // Metadata last changed when the market opened, or when it was created if it has not opened yet.
            UpdatedTime = SandboxJson.Time(market.Status == MarketStatus.Initialized ? market.CreatedTime : market.OpenTime),
            OpenTime = SandboxJson.Time(market.OpenTime),
            CloseTime = SandboxJson.Time(market.CloseTime),
            ExpectedExpirationTime = SandboxJson.Time(market.ExpectedExpirationTime),
            ExpirationTime = SandboxJson.Time(market.LatestExpirationTime),
            LatestExpirationTime = SandboxJson.Time(market.LatestExpirationTime),
            SettlementTimerSeconds = (int)SandboxMarket.SettlementTimer.TotalSeconds,
            Status = StatusName(market.Status),

            // Empty sides read as Kalshi sends them: bid 0, ask 1.
            YesBidDollars = SandboxJson.Dollars(yesBid ?? Price.Zero),
            YesBidSizeFp = SandboxJson.Count(book.BestSize(Side.Yes)),
            YesAskDollars = SandboxJson.Dollars(noBid?.Complement ?? Price.One),
            YesAskSizeFp = SandboxJson.Count(book.BestSize(Side.No)),
            NoBidDollars = SandboxJson.Dollars(noBid ?? Price.Zero),
            NoAskDollars = SandboxJson.Dollars(yesBid?.Complement ?? Price.One),
            LastPriceDollars = SandboxJson.Dollars(market.LastPrice),
            PreviousYesBidDollars = SandboxJson.Dollars(market.PreviousYesBid),
            PreviousYesAskDollars = SandboxJson.Dollars(market.PreviousYesAsk),
            PreviousPriceDollars = SandboxJson.Dollars(market.PreviousPrice),
            VolumeFp = SandboxJson.Count(market.Volume),
            Volume24hFp = SandboxJson.Count(market.Volume24h),
            OpenInterestFp = SandboxJson.Count(market.OpenInterest),
            CanCloseEarly = market.CanCloseEarly,
            EarlyCloseCondition = market.EarlyCloseCondition,
            StrikeType = market.StrikeType,
            FloorStrike = market.FloorStrike,
            RulesPrimary = market.RulesPrimary,
            RulesSecondary = market.RulesSecondary,
            FractionalTradingEnabled = market.FractionalTrading,
            Result = market.Result switch { true => "yes", false => "no", null => string.Empty },
            SettlementValueDollars = market.Result is { } won ? SandboxJson.Dollars(won ? 1m : 0m) : null,
            SettlementTs = market.SettledTime is { } settled ? SandboxJson.Time(settled) : null,
            ExpirationValue = market.Result is { } result ? (result ? "yes" : "no") : string.Empty,
        };
    }

    /// <param name="depth">Levels per side, best first; 0 for all.</param>
    public static OrderbookJson Orderbook(MarketBook book, int depth) => new(Ladder(book, Side.Yes, depth), Ladder(book, Side.No, depth));

    public static SeriesJson Series(SandboxSeries series, decimal volume, DateTimeOffset updated) => new()
    {
        Ticker = series.Ticker,
        Frequency = series.Frequency,
        Title = series.Title,
        Category = series.Category,
        Tags = series.Tags,
        SettlementSources = [new SettlementSourceJson(series.SourceName, series.SourceUrl)],
        ContractUrl = series.ContractUrl,
        ContractTermsUrl = series.ContractTermsUrl,
        FeeType = series.FeeTypeName,
        FeeMultiplier = series.Fees.Multiplier,
        VolumeFp = SandboxJson.Count(volume),
        LastUpdatedTs = SandboxJson.Time(updated),
    };

    public static EventJson Event(SandboxEvent sandboxEvent, bool nestMarkets) => new()
    {
        EventTicker = sandboxEvent.EventTicker,
        SeriesTicker = sandboxEvent.Series.Ticker,
        SubTitle = sandboxEvent.SubTitle,
        Title = sandboxEvent.Title,
        CollateralReturnType = sandboxEvent.MutuallyExclusive ? "MECNET" : string.Empty,
        MutuallyExclusive = sandboxEvent.MutuallyExclusive,
        Category = sandboxEvent.Series.Category,
        StrikeDate = SandboxJson.Time(sandboxEvent.StrikeDate),
        Markets = nestMarkets ? [.. sandboxEvent.Markets.Select(Market)] : null,
        SettlementSources = [new SettlementSourceJson(sandboxEvent.Series.SourceName, sandboxEvent.Series.SourceUrl)],
        LastUpdatedTs = SandboxJson.Time(sandboxEvent.Markets.Min(m => m.CreatedTime)),
    };

    public static OrderJson Order(AccountOrder order) => new()
    {
        OrderId = order.OrderId,
        UserId = UserId,
        ClientOrderId = order.ClientOrderId,
        Ticker = order.Market.Ticker,

        // V2 speaks bid/ask on the YES book; the deprecated pair reads bid as buy YES and ask as sell YES.
        Side = "yes",
        Action = order.Outcome == Side.Yes ? "buy" : "sell",
        OutcomeSide = OutcomeName(order.Outcome),
        BookSide = order.BookSide,
        Status = order.Status switch
        {
            OrderStatus.Resting => "resting",
            OrderStatus.Canceled => "canceled",
            _ => "executed",
        },
        YesPriceDollars = SandboxJson.Dollars(order.YesPrice),
        NoPriceDollars = SandboxJson.Dollars(order.YesPrice.Complement),
        FillCountFp = SandboxJson.Count(order.FillCount),
        RemainingCountFp = SandboxJson.Count(order.RemainingCount),
        InitialCountFp = SandboxJson.Count(order.InitialCount),
        TakerFillCostDollars = SandboxJson.Dollars(order.TakerFillCost),
        MakerFillCostDollars = SandboxJson.Dollars(order.MakerFillCost),
        TakerFeesDollars = SandboxJson.Dollars(order.TakerFees),
        MakerFeesDollars = SandboxJson.Dollars(order.MakerFees),
        ExpirationTime = order.ExpirationTime is { } expires ? SandboxJson.Time(expires) : null,
        CreatedTime = SandboxJson.Time(order.CreatedTime),
        LastUpdateTime = SandboxJson.Time(order.LastUpdateTime),
        SelfTradePreventionType = order.SelfTradePrevention == SelfTradePrevention.Maker ? "maker" : "taker_at_cross",
        OrderGroupId = order.OrderGroupId,
        CancelOrderOnPause = order.CancelOrderOnPause,
    };

    public static FillJson Fill(AccountFill fill) => new()
    {
        FillId = fill.FillId,
        TradeId = fill.FillId,
        OrderId = fill.OrderId,
        Ticker = fill.Market.Ticker,
        MarketTicker = fill.Market.Ticker,
        Side = "yes",
        Action = fill.Outcome == Side.Yes ? "buy" : "sell",
        OutcomeSide = OutcomeName(fill.Outcome),
        BookSide = fill.Outcome == Side.Yes ? "bid" : "ask",
        CountFp = SandboxJson.Count(fill.Count),
        YesPriceDollars = SandboxJson.Dollars(fill.YesPrice),
        NoPriceDollars = SandboxJson.Dollars(fill.YesPrice.Complement),
        IsTaker = fill.IsTaker,
        CreatedTime = SandboxJson.Time(fill.CreatedTime),
        FeeCost = SandboxJson.Dollars(fill.Fee),
        Ts = SandboxJson.UnixSeconds(fill.CreatedTime),
    };

    public static MarketPositionJson Position(AccountPosition position, int restingOrders) => new()
    {
        Ticker = position.Market.Ticker,
        TotalTradedDollars = SandboxJson.Dollars(position.TotalTraded),
        PositionFp = SandboxJson.Count(position.Contracts),
        MarketExposureDollars = SandboxJson.Dollars(position.Exposure),
        RealizedPnlDollars = SandboxJson.Dollars(position.RealizedPnl),
        FeesPaidDollars = SandboxJson.Dollars(position.FeesPaid),
        RestingOrdersCount = restingOrders,
        LastUpdatedTs = SandboxJson.Time(position.LastUpdated),
    };

    public static EventPositionJson EventPosition(string eventTicker, IReadOnlyCollection<AccountPosition> positions) => new()
    {
        EventTicker = eventTicker,
        TotalCostDollars = SandboxJson.Dollars(positions.Sum(p => p.TotalTraded)),
        TotalCostSharesFp = SandboxJson.Count(positions.Sum(p => Math.Abs(p.Contracts))),
        EventExposureDollars = SandboxJson.Dollars(positions.Sum(p => p.Exposure)),
        RealizedPnlDollars = SandboxJson.Dollars(positions.Sum(p => p.RealizedPnl)),
        FeesPaidDollars = SandboxJson.Dollars(positions.Sum(p => p.FeesPaid)),
    };

    public static TradeJson Trade(Trade trade) => new()
    {
        TradeId = trade.TradeId,
        Ticker = trade.Ticker,
        CountFp = SandboxJson.Count(trade.Count),
        YesPriceDollars = SandboxJson.Dollars(trade.YesPrice),
        NoPriceDollars = SandboxJson.Dollars(trade.YesPrice.Complement),
        TakerSide = OutcomeName(trade.TakerOutcome),
        TakerOutcomeSide = OutcomeName(trade.TakerOutcome),
        TakerBookSide = trade.TakerOutcome == Side.Yes ? "bid" : "ask",
        CreatedTime = SandboxJson.Time(trade.CreatedTime),
    };

    public static SettlementJson Settlement(AccountSettlement settlement) => new()
    {
        Ticker = settlement.Market.Ticker,
        EventTicker = settlement.Market.Event.EventTicker,
        MarketResult = settlement.YesWon ? "yes" : "no",
        YesCountFp = SandboxJson.Count(settlement.YesCount),
        YesTotalCostDollars = SandboxJson.Dollars(settlement.YesTotalCost),
        NoCountFp = SandboxJson.Count(settlement.NoCount),
        NoTotalCostDollars = SandboxJson.Dollars(settlement.NoTotalCost),
        Revenue = (long)decimal.Round(settlement.Revenue * 100m, MidpointRounding.AwayFromZero),
        SettledTime = SandboxJson.Time(settlement.SettledTime),
        FeeCost = SandboxJson.Dollars(settlement.FeeCost),
        Value = settlement.YesWon ? 100 : 0,
    };

    public static string StatusName(MarketStatus status) => status.ToString().ToLowerInvariant();

    private static string OutcomeName(Side outcome) => outcome == Side.Yes ? "yes" : "no";

    private static List<string[]> Ladder(MarketBook book, Side outcome, int depth)
    {
        var levels = book.Levels(outcome);
        if (depth > 0 && levels.Count > depth)
        {
            levels.RemoveRange(depth, levels.Count - depth);
        }

        // Kalshi sends each side ascending: the best bid last.
        levels.Reverse();
        return [.. levels.Select(l => new[] { SandboxJson.Dollars(l.Price), SandboxJson.Count(l.Size) })];
    }
}
