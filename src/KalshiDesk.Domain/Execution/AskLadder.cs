using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Execution;

/// <summary>
/// The offers a buyer of one side can take, best (cheapest) first, in that side's prices: the opposite side's bids read
/// in place (a NO bid at x is a YES offer at 1 − x), or one quoted price when no book is known.
/// </summary>
public readonly struct AskLadder
{
    private readonly IReadOnlyList<BookLevel>? _oppositeBids;
    private readonly BookLevel _only;

    private AskLadder(IReadOnlyList<BookLevel>? oppositeBids, BookLevel only, bool unbounded)
    {
        _oppositeBids = oppositeBids;
        _only = only;
        IsUnbounded = unbounded;
    }

    /// <summary>The offers of <paramref name="book"/> to a buyer of <paramref name="side"/>.</summary>
    public static AskLadder For(OrderBook book, Side side)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new AskLadder(side == Side.Yes ? book.NoBids : book.YesBids, default, false);
    }

    /// <summary>One offer at <paramref name="price"/>: <paramref name="depth"/> contracts, or an unknown (unbounded) depth when null.</summary>
    public static AskLadder At(Price price, Quantity? depth = null) =>
        new(null, new BookLevel(price, depth ?? Quantity.Zero), depth is null);

    /// <summary>True for a quoted price whose depth is unknown: the sizer treats it as deep enough.</summary>
    public bool IsUnbounded { get; }

    /// <summary>The number of price levels.</summary>
    public int Count => _oppositeBids?.Count ?? 1;

    /// <summary>The cheapest offer, or null when nobody offers.</summary>
    public Price? Best => Count > 0 ? this[0].Price : null;

    /// <summary>The level at <paramref name="index"/>, cheapest first, in the buyer's side's prices.</summary>
    public BookLevel this[int index]
    {
        get
        {
            if (_oppositeBids is null)
            {
                return index == 0 ? _only : throw new ArgumentOutOfRangeException(nameof(index));
            }

            var bid = _oppositeBids[index];
            return new BookLevel(bid.Price.Complement, bid.Size);
        }
    }
}
