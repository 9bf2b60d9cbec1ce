using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Markets;

/// <summary>What the desk knows of one market at one moment.</summary>
/// <param name="YesBid">Best YES bid, or null when nobody bids.</param>
/// <param name="YesAsk">Best YES ask, or null when nobody offers.</param>
/// <param name="LastPrice">Last traded YES price, or null before the first trade.</param>
/// <param name="Volume">Contracts traded over the market's life.</param>
/// <param name="ObservedAt">When the desk received this snapshot.</param>
public sealed record MarketSnapshot(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string Title,
    string Category,
    MarketStatus Status,
    Price? YesBid,
    Price? YesAsk,
    Price? LastPrice,
    Quantity Volume,
    DateTimeOffset CloseTime,
    FeeSchedule Fees,
    bool FractionalTrading,
    DateTimeOffset ObservedAt)
{
    /// <summary>Kalshi's <c>strike_type</c> ("greater", "less", "between", "custom", …), or null when not known.</summary>
    public string? StrikeType { get; init; }

    /// <summary>Kalshi's <c>floor_strike</c>, in the underlying's units: a "greater" market asks whether it ends above this.</summary>
    public decimal? FloorStrike { get; init; }

    /// <summary>Kalshi's <c>result</c>: none until the market is determined, then yes, no or scalar.</summary>
    public MarketResult Result { get; init; }

    /// <summary>When the market settled (<c>settlement_ts</c>), or null before.</summary>
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>What one YES contract paid at settlement (<c>settlement_value_dollars</c>): $1 or $0, or between for a scalar result; null before.</summary>
    public Price? SettlementValue { get; init; }

    /// <summary>The prices orders may use (Kalshi's <c>price_level_structure</c>); the cent grid unless the feed knows better.</summary>
    public PriceGrid Ticks { get; init; } = PriceGrid.LinearCent;

    /// <summary>The YES bid-ask spread in dollars, or null when a side is empty.</summary>
    public decimal? Spread => YesBid is { } bid && YesAsk is { } ask ? ask.Dollars - bid.Dollars : null;

    /// <summary>The midpoint of the YES quote, or null when a side is empty.</summary>
    public Price? Mid => YesBid is { } bid && YesAsk is { } ask ? Price.FromDollars((bid.Dollars + ask.Dollars) / 2m) : null;

    /// <summary>The price to buy <paramref name="side"/> now: the YES ask, or 1 − the YES bid for NO.</summary>
    public Price? AskFor(Side side) => side == Side.Yes ? YesAsk : YesBid?.Complement;
}
