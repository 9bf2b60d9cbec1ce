namespace KalshiDesk.Engine.Portfolio;

/// <summary>Which orders, fills or settlements to read: newest first, one market or all, a page of them.</summary>
/// <param name="Ticker">Only this market (exact ticker); null for every market.</param>
/// <param name="Offset">Rows skipped, 0 or more.</param>
/// <param name="Limit">Rows read, 1 or more; null for every row from the offset on.</param>
public sealed record TradeQuery(string? Ticker = null, int Offset = 0, int? Limit = TradeQuery.DefaultLimit)
{
    /// <summary>Rows a page holds unless asked otherwise.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most rows one page may ask for.</summary>
    public const int MaxLimit = 1000;
}
