namespace KalshiDesk.Engine.Markets;

/// <summary>The recent public tape, kept in memory by whatever feeds it (the WebSocket stream); no I/O on read.</summary>
public interface IRecentTrades
{
    /// <summary>The trades of <paramref name="ticker"/> executed after <paramref name="after"/> and at or before <paramref name="upTo"/>, oldest first.</summary>
    IReadOnlyList<RecentTrade> Between(string ticker, DateTimeOffset after, DateTimeOffset upTo);
}
