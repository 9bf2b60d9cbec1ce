using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Kalshi.Models;

/// <summary>A trade on the public tape.</summary>
/// <param name="YesPrice">YES price in dollars; <paramref name="NoPrice"/> is its complement.</param>
/// <param name="TakerSide">The outcome the taker is positioned for.</param>
public sealed record PublicTrade(
    string TradeId,
    string Ticker,
    Quantity Count,
    Price YesPrice,
    Price NoPrice,
    Side TakerSide,
    BookSide TakerBookSide,
    DateTimeOffset CreatedTime,
    bool IsBlockTrade);
