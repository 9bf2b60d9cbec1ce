using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Risk;

/// <summary>The account as the risk gate sees it.</summary>
/// <param name="Equity">Cash plus open positions at cost, in dollars.</param>
/// <param name="Cash">Cash available, in dollars.</param>
/// <param name="ExposureByTicker">Cost of what is held, per market.</param>
/// <param name="ExposureByEvent">Cost of what is held, per event.</param>
public sealed record PortfolioState(
    Money Equity,
    Money Cash,
    IReadOnlyDictionary<string, Money> ExposureByTicker,
    IReadOnlyDictionary<string, Money> ExposureByEvent)
{
    public static PortfolioState Flat(Money cash) =>
        new(cash, cash, new Dictionary<string, Money>(), new Dictionary<string, Money>());

    public Money OpenExposure => new(ExposureByTicker.Values.Sum(m => m.Dollars));

    public int OpenPositions => ExposureByTicker.Count;

    /// <summary>
    /// The account as if a trade costing <paramref name="outlay"/> (fee included) in <paramref name="ticker"/> of
    /// <paramref name="eventTicker"/> were already made: cash down, the market's and the event's exposure up, one
    /// more position when the market is new. Proposals of one cycle (and those still waiting) are sized against it,
    /// so together they stay inside every cap. Equity is unchanged: cash became a position at cost.
    /// </summary>
    public PortfolioState WithEntry(string ticker, string eventTicker, Money outlay)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticker);
        ArgumentNullException.ThrowIfNull(eventTicker);
        var byTicker = new Dictionary<string, Money>(ExposureByTicker, StringComparer.Ordinal);
        var byEvent = new Dictionary<string, Money>(ExposureByEvent, StringComparer.Ordinal);
        byTicker[ticker] = byTicker.GetValueOrDefault(ticker) + outlay;
        byEvent[eventTicker] = byEvent.GetValueOrDefault(eventTicker) + outlay;
        return this with { Cash = Cash - outlay, ExposureByTicker = byTicker, ExposureByEvent = byEvent };
    }
}
