using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.Matching;

namespace KalshiDesk.Sandbox.World;

/// <summary>One binary market: its fixed terms, its order book, and the hidden state that moves it.</summary>
internal sealed class SandboxMarket
{
    public required string Ticker { get; init; }

    public required SandboxEvent Event { get; init; }

    public required string Title { get; init; }

    public required string Subtitle { get; init; }

    public required string YesSubTitle { get; init; }

    public required string NoSubTitle { get; init; }

    public required string RulesPrimary { get; init; }

    public required string RulesSecondary { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    public required DateTimeOffset OpenTime { get; init; }

    public required DateTimeOffset CloseTime { get; init; }

    public required MarketStatus Status { get; set; }

    /// <summary>The outcome once determined: true YES, false NO; null before.</summary>
    public bool? Result { get; set; }

    public DateTimeOffset? DeterminedTime { get; set; }

    public DateTimeOffset? SettledTime { get; set; }

    public required bool CanCloseEarly { get; init; }

    public string? EarlyCloseCondition { get; init; }

    /// <summary>Kalshi's <c>strike_type</c> ("greater", "structured", …).</summary>
    public required string StrikeType { get; init; }

    public decimal? FloorStrike { get; init; }

    public SandboxSeries Series => Event.Series;

    public FeeSchedule Fees => Event.Series.Fees;

    public bool FractionalTrading => Event.Series.FractionalTrading;

    /// <summary>The outcome is known a minute after the close; the market settles five minutes after that.</summary>
    public static readonly TimeSpan DeterminationDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan SettlementTimer = TimeSpan.FromMinutes(5);

    public DateTimeOffset ExpectedExpirationTime => CloseTime + DeterminationDelay;

    /// <summary>Where the market sits in its event (the index of its hidden truth).</summary>
    public int Index { get; init; }

    public DateTimeOffset LatestExpirationTime => CloseTime.AddDays(7);

    public MarketBook Book { get; } = new();

    /// <summary>The hidden probability of YES (0.03–0.97). Nobody sees it; informed traders trade on it.</summary>
    public double Truth { get; set; }

    /// <summary>Where the makers centre their quotes; it follows <see cref="Truth"/> slowly, which is what makes quotes stale.</summary>
    public Price QuoteCentre { get; set; }

    /// <summary>The last traded YES price, or zero before the first trade.</summary>
    public Price LastPrice { get; set; }

    public decimal Volume { get; set; }

    public decimal Volume24h { get; set; }

    public decimal OpenInterest { get; set; }

    public Price PreviousYesBid { get; set; }

    public Price PreviousYesAsk { get; set; }

    public Price PreviousPrice { get; set; }

    public bool IsTrading => Status == MarketStatus.Active;

    /// <summary>Records a trade of <paramref name="count"/> contracts at a YES price: the tape's last price, volume and open interest.</summary>
    public void RecordTrade(Price yesPrice, decimal count)
    {
        LastPrice = yesPrice;
        Volume += count;
        Volume24h += count;
        OpenInterest += count;
    }

    /// <summary>The YES bid-ask midpoint, or null when a side is empty.</summary>
    public decimal? Mid =>
        Book.BestBid(Side.Yes) is { } bid && Book.BestBid(Side.No) is { } noBid ? (bid.Dollars + noBid.Complement.Dollars) / 2m : null;

    /// <summary>The YES spread in dollars, or null when a side is empty.</summary>
    public decimal? Spread =>
        Book.BestBid(Side.Yes) is { } bid && Book.BestBid(Side.No) is { } noBid ? noBid.Complement.Dollars - bid.Dollars : null;

    /// <summary>
    /// A stale quote a last-trade model can exploit: the last trade at least 8¢ from a tight (≤ 4¢) quote's mid.
    /// The desk's tests rely on the default world always having a few of these.
    /// </summary>
    public bool IsLagged =>
        IsTrading && LastPrice.Dollars > 0m && Spread is <= SandboxWorld.LagMaxSpread && Mid is { } mid &&
        Math.Abs(LastPrice.Dollars - mid) >= SandboxWorld.LagMinGap;
}
