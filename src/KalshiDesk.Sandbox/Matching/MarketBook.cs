using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.Matching;

/// <summary>
/// One market's resting orders, Kalshi-style: bids only, YES bids and NO bids, each kept best price first and
/// oldest first within a price (price-time priority). A NO bid at x is a YES ask at 1 − x.
/// </summary>
internal sealed class MarketBook
{
    private readonly List<RestingOrder> _yesBids = [];
    private readonly List<RestingOrder> _noBids = [];

    /// <summary>The bids for <paramref name="outcome"/>, best first then oldest first.</summary>
    public IReadOnlyList<RestingOrder> BidsFor(Side outcome) => outcome == Side.Yes ? _yesBids : _noBids;

    public Price? BestBid(Side outcome)
    {
        var bids = BidsFor(outcome);
        return bids.Count > 0 ? bids[0].Price : null;
    }

    /// <summary>Adds an order behind every order at its price or better.</summary>
    public void Add(RestingOrder order)
    {
        var bids = List(order.Outcome);
        var index = bids.FindIndex(o => o.Price < order.Price);
        if (index < 0)
        {
            bids.Add(order);
        }
        else
        {
            bids.Insert(index, order);
        }
    }

    public bool Remove(RestingOrder order) => List(order.Outcome).Remove(order);

    public int RemoveAll(Predicate<RestingOrder> match) => _yesBids.RemoveAll(match) + _noBids.RemoveAll(match);

    /// <summary>The bids for <paramref name="outcome"/> summed by price, best first.</summary>
    public List<BookLevel> Levels(Side outcome)
    {
        var levels = new List<BookLevel>();
        foreach (var order in BidsFor(outcome))
        {
            if (levels.Count > 0 && levels[^1].Price == order.Price)
            {
                levels[^1] = levels[^1] with { Size = levels[^1].Size + order.Remaining };
            }
            else
            {
                levels.Add(new BookLevel(order.Price, order.Remaining));
            }
        }

        return levels;
    }

    /// <summary>The contracts bid at the best price for <paramref name="outcome"/> (zero when nobody bids).</summary>
    public Quantity BestSize(Side outcome)
    {
        var bids = BidsFor(outcome);
        var size = Quantity.Zero;
        foreach (var order in bids)
        {
            if (order.Price != bids[0].Price)
            {
                break;
            }

            size += order.Remaining;
        }

        return size;
    }

    private List<RestingOrder> List(Side outcome) => outcome == Side.Yes ? _yesBids : _noBids;
}
