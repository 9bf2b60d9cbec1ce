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
}
