using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Markets;

/// <summary>
/// A binary market's book as Kalshi sends it: bids only, for YES and for NO. A NO bid at x is a YES ask at 1 − x,
/// so buying YES takes the NO bids and buying NO takes the YES bids.
/// </summary>
public sealed class OrderBook
{
    private readonly BookLevel[] _yesBids;
    private readonly BookLevel[] _noBids;

    /// <param name="yesBids">YES bids, any order; levels with zero size are dropped.</param>
    /// <param name="noBids">NO bids (NO prices), any order; levels with zero size are dropped.</param>
    public OrderBook(IEnumerable<BookLevel> yesBids, IEnumerable<BookLevel> noBids)
    {
        _yesBids = [.. yesBids.Where(l => !l.Size.IsZero).OrderByDescending(l => l.Price)];
        _noBids = [.. noBids.Where(l => !l.Size.IsZero).OrderByDescending(l => l.Price)];
    }

    public static OrderBook Empty { get; } = new([], []);

    /// <summary>YES bids, best (highest) first.</summary>
    public IReadOnlyList<BookLevel> YesBids => _yesBids;

    /// <summary>NO bids in NO prices, best (highest) first.</summary>
    public IReadOnlyList<BookLevel> NoBids => _noBids;

    public Price? BestYesBid => _yesBids.Length > 0 ? _yesBids[0].Price : null;

    public Price? BestNoBid => _noBids.Length > 0 ? _noBids[0].Price : null;

    /// <summary>The best price to buy YES: 1 − the best NO bid.</summary>
    public Price? YesAsk => BestNoBid?.Complement;

    /// <summary>The best price to buy NO: 1 − the best YES bid.</summary>
    public Price? NoAsk => BestYesBid?.Complement;

    /// <summary>The levels a buyer of <paramref name="side"/> takes, best (cheapest) first, in that side's prices.</summary>
    public IEnumerable<BookLevel> AsksFor(Side side)
    {
        var opposite = side == Side.Yes ? _noBids : _yesBids;
        foreach (var level in opposite)
        {
            yield return new BookLevel(level.Price.Complement, level.Size);
        }
    }

    /// <summary>The contracts a buyer of <paramref name="side"/> can take at <paramref name="limit"/> or better.</summary>
    public Quantity DepthAtOrBetter(Side side, Price limit)
    {
        var total = Quantity.Zero;
        foreach (var level in AsksFor(side))
        {
            if (level.Price > limit)
            {
                break;
            }

            total += level.Size;
        }

        return total;
    }
}
