using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.TestKit.Builders;

/// <summary>Builds a <see cref="MarketSnapshot"/> with sensible defaults: active, YES 0.53/0.55, closing in two days.</summary>
public sealed class MarketBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private string _ticker = "KXHIGHNY-26NOV24-T60";
    private string _event = "KXHIGHNY-26NOV24";
    private MarketStatus _status = MarketStatus.Active;
    private decimal? _bid = 0.53m;
    private decimal? _ask = 0.55m;
    private decimal? _last = 0.54m;
    private DateTimeOffset _close = Now.AddDays(2);
    private FeeSchedule _fees = FeeSchedule.Standard;
    private bool _fractional;

    public MarketBuilder Ticker(string ticker, string? eventTicker = null)
    {
        _ticker = ticker;
        _event = eventTicker ?? ticker[..Math.Max(ticker.LastIndexOf('-'), 1)];
        return this;
    }

    public MarketBuilder Quote(decimal? bid, decimal? ask)
    {
        _bid = bid;
        _ask = ask;
        return this;
    }

    public MarketBuilder Last(decimal? last)
    {
        _last = last;
        return this;
    }

    public MarketBuilder Status(MarketStatus status)
    {
        _status = status;
        return this;
    }

    public MarketBuilder ClosesIn(TimeSpan span)
    {
        _close = Now + span;
        return this;
    }

    public MarketBuilder Fees(FeeSchedule fees)
    {
        _fees = fees;
        return this;
    }

    public MarketBuilder Fractional(bool fractional = true)
    {
        _fractional = fractional;
        return this;
    }

    public MarketSnapshot Build() => new(
        _ticker,
        _event,
        _event.Split('-')[0],
        "Will the high temperature in NYC be above 60°F on Nov 24, 2026?",
        "weather",
        _status,
        _bid is { } b ? Price.FromDollars(b) : null,
        _ask is { } a ? Price.FromDollars(a) : null,
        _last is { } l ? Price.FromDollars(l) : null,
        Quantity.Of(1000m),
        _close,
        _fees,
        _fractional,
        Now);
}
