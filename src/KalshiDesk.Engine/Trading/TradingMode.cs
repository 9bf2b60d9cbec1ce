namespace KalshiDesk.Engine.Trading;

public enum TradingMode
{
    /// <summary>Simulated fills against the live book, with Kalshi's fees (the default).</summary>
    Paper,

    /// <summary>Real orders on Kalshi.</summary>
    Live,
}
