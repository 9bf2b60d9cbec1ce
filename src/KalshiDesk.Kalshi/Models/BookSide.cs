namespace KalshiDesk.Kalshi.Models;

/// <summary>Kalshi's <c>book_side</c>: the YES book side (<c>bid</c> = long YES, <c>ask</c> = long NO).</summary>
public enum BookSide
{
    Bid,
    Ask,
}
