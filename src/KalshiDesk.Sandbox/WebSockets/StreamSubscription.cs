namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>One channel subscription of one connection. Guarded by the exchange's lock.</summary>
internal sealed class StreamSubscription
{
    private readonly List<string>? _markets;
    private readonly HashSet<string>? _covered;
    private long _seq;

    /// <param name="markets">The markets it covers, or null for every market.</param>
    /// <param name="commandId">The <c>id</c> of the subscribe command, echoed on a terminal error so the client can tell which subscription ended.</param>
    public StreamSubscription(long sid, string channel, IEnumerable<string>? markets, bool useYesPrice, long? commandId)
    {
        Sid = sid;
        Channel = channel;
        UseYesPrice = useYesPrice;
        CommandId = commandId;
        if (markets is not null)
        {
            _markets = [];
            _covered = new HashSet<string>(StringComparer.Ordinal);
            AddMarkets(markets);
        }
    }

    public long Sid { get; }

    public string Channel { get; }

    /// <summary>Order book only: NO-side levels in YES prices (1 − the NO bid) instead of NO-leg prices.</summary>
    public bool UseYesPrice { get; }

    public long? CommandId { get; }

    /// <summary>The markets it covers in the order they were asked for, or null for every market.</summary>
    public IReadOnlyList<string>? Markets => _markets;

    /// <summary>False once unsubscribed or dropped; nothing more is queued for it.</summary>
    public bool Active { get; set; } = true;

    public bool IsOrderBook => Channel == StreamChannel.OrderbookDelta;

    public bool Covers(string ticker) => _covered is null || _covered.Contains(ticker);

    /// <summary>Adds the markets not covered yet and returns them.</summary>
    public List<string> AddMarkets(IEnumerable<string> tickers)
    {
        var added = new List<string>();
        foreach (var ticker in tickers)
        {
            if (_covered is not null && _covered.Add(ticker))
            {
                _markets!.Add(ticker);
                added.Add(ticker);
            }
        }

        return added;
    }

    /// <summary>Removes the markets it covers and returns them.</summary>
    public List<string> RemoveMarkets(IEnumerable<string> tickers)
    {
        var removed = new List<string>();
        foreach (var ticker in tickers)
        {
            if (_covered is not null && _covered.Remove(ticker))
            {
                _markets!.Remove(ticker);
                removed.Add(ticker);
            }
        }

        return removed;
    }

    /// <summary>The next <c>seq</c> of this sid: 1 for its first sequenced message, then +1 for every one after.</summary>
    public long NextSeq() => ++_seq;
}
