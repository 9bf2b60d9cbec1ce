using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>
/// The books of the world's simulated traders (makers, informed, noise): cash and contracts held per market, kept
/// as strictly as the demo account's. Every trade gives one side YES and the other NO, a holder's YES+NO pairs are
/// redeemed for $1 at once, fees go to the exchange, and settlement pays $1 a winning contract, so the money in the
/// world only ever moves between holders, the exchange's fees and the collateral behind open contracts.
/// </summary>
internal sealed class SimulatedTraders
{
    /// <summary>Each simulated trader's opening cash: deep pockets, never infinite.</summary>
    public const decimal OpeningCash = 1_000_000_000m;

    private static readonly Trader[] All = [Trader.Maker, Trader.Informed, Trader.Noise];

    private readonly Dictionary<Trader, decimal> _cash = All.ToDictionary(t => t, _ => OpeningCash);
    private readonly Dictionary<(Trader, string), Holding> _holdings = [];

    public static IReadOnlyList<Trader> Traders => All;

    /// <summary>What the exchange has collected in fees from the simulated traders.</summary>
    public decimal FeesCollected { get; private set; }

    public decimal CashOf(Trader trader) => _cash[trader];

    public Holding HoldingOf(Trader trader, string ticker) => _holdings.GetValueOrDefault((trader, ticker));

    /// <summary>YES and NO contracts the simulated traders hold in <paramref name="ticker"/>, summed.</summary>
    public (decimal Yes, decimal No) Held(string ticker)
    {
        decimal yes = 0m, no = 0m;
        foreach (var trader in All)
        {
            var holding = _holdings.GetValueOrDefault((trader, ticker));
            yes += holding.Yes;
            no += holding.No;
        }

        return (yes, no);
    }

    /// <summary>A purchase of <paramref name="count"/> contracts of <paramref name="outcome"/> at <paramref name="price"/> (that outcome's dollars), plus its fee.</summary>
    public void Buy(Trader trader, string ticker, Side outcome, decimal count, Price price, decimal fee)
    {
        var holding = _holdings.GetValueOrDefault((trader, ticker));
        holding = outcome == Side.Yes ? holding with { Yes = holding.Yes + count } : holding with { No = holding.No + count };
        var pairs = Math.Min(holding.Yes, holding.No);
        holding = new Holding(holding.Yes - pairs, holding.No - pairs);
        _cash[trader] += pairs - (count * price.Dollars) - fee;
        FeesCollected += fee;
        Store(trader, ticker, holding);
    }

    /// <summary>Pays every simulated holder of <paramref name="ticker"/> $1 a winning contract and closes their holdings; returns the total paid.</summary>
    public decimal Settle(string ticker, bool yesWon)
    {
        var paid = 0m;
        foreach (var trader in All)
        {
            if (_holdings.Remove((trader, ticker), out var holding))
            {
                var payout = yesWon ? holding.Yes : holding.No;
                _cash[trader] += payout;
                paid += payout;
            }
        }

        return paid;
    }

    private void Store(Trader trader, string ticker, Holding holding)
    {
        if (holding.Yes == 0m && holding.No == 0m)
        {
            _holdings.Remove((trader, ticker));
        }
        else
        {
            _holdings[(trader, ticker)] = holding;
        }
    }

    /// <summary>Contracts held in one market (after netting, at most one side is non-zero).</summary>
    internal readonly record struct Holding(decimal Yes, decimal No);
}
