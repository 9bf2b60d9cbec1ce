namespace KalshiDesk.Sandbox.Matching;

/// <summary>The public tape: the most recent trades across all markets, oldest first.</summary>
internal sealed class TradeTape
{
    /// <summary>Older prints are dropped; the tape is for recent activity, not history.</summary>
    public const int Capacity = 20_000;

    private readonly List<Trade> _trades = [];

    public IReadOnlyList<Trade> Trades => _trades;

    public void Add(Trade trade)
    {
        if (_trades.Count == Capacity)
        {
            _trades.RemoveRange(0, Capacity / 4);
        }

        _trades.Add(trade);
    }
}
