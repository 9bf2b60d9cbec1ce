using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>What a <c>ticker</c> message reports of a market; a new message goes out when any of it changes.</summary>
/// <param name="YesBid">Zero when nobody bids YES, as <c>GET /markets</c> reports it.</param>
/// <param name="YesAsk">One when nobody bids NO.</param>
internal readonly record struct TickerState(
    Price LastPrice,
    Price YesBid,
    Price YesAsk,
    Quantity YesBidSize,
    Quantity YesAskSize,
    decimal Volume,
    decimal OpenInterest,
    Quantity LastTradeSize)
{
    public static TickerState Of(SandboxMarket market, Quantity lastTradeSize)
    {
        var book = market.Book;
        return new TickerState(
            market.LastPrice,
            book.BestBid(Side.Yes) ?? Price.Zero,
            book.BestBid(Side.No)?.Complement ?? Price.One,
            book.BestSize(Side.Yes),
            book.BestSize(Side.No),
            market.Volume,
            market.OpenInterest,
            lastTradeSize);
    }
}
