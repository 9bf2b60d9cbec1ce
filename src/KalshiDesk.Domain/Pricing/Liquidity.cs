namespace KalshiDesk.Domain.Pricing;

/// <summary>How an order meets the book, which decides its fee: it takes resting liquidity, or rests and is taken.</summary>
public enum Liquidity
{
    /// <summary>Crosses the spread now and pays the taker fee (0.07·m·P·(1−P) per contract).</summary>
    Taker,

    /// <summary>Rests at a bid until someone sells into it; pays the maker fee, which only some fee types charge.</summary>
    Maker,
}
