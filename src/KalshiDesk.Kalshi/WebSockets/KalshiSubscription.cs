namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>
/// One channel subscription as the desk sees it. It outlives Kalshi's sid: after a reconnect or a terminal error the
/// client resubscribes it and <see cref="Sid"/> changes; <see cref="Sid"/> is null while that is under way.
/// </summary>
public sealed class KalshiSubscription
{
    private long _sid;

    internal KalshiSubscription(string channel, IReadOnlyList<string> marketTickers)
    {
        Channel = channel;
        MarketTickers = marketTickers;
    }

    public string Channel { get; }

    /// <summary>The markets covered (empty: all markets), kept current by add/delete updates.</summary>
    public IReadOnlyList<string> MarketTickers { get; internal set; }

    /// <summary>Kalshi's subscription id on the current connection, or null while (re)subscribing.</summary>
    public long? Sid => Volatile.Read(ref _sid) is var sid and > 0 ? sid : null;

    internal bool IsOrderBook => Channel == KalshiChannels.OrderbookDelta;

    internal long CurrentSid
    {
        get => Volatile.Read(ref _sid);
        set => Volatile.Write(ref _sid, value);
    }

    /// <summary>The last <c>seq</c> seen on the current sid.</summary>
    internal long? LastSeq { get; set; }

    /// <summary>A subscribe command for it is in flight on the current connection.</summary>
    internal bool SubscribePending { get; set; }

    /// <summary>Resubscribe attempts since it was last confirmed.</summary>
    internal int RetryAttempt { get; set; }

    /// <summary>Unsubscribed by the desk: never resubscribed again.</summary>
    internal bool Removed { get; set; }

    /// <summary>Completes with the sid of the first confirmation, or fails with the first non-terminal error.</summary>
    internal TaskCompletionSource<long> FirstConfirmation { get; } = Observed(new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private static TaskCompletionSource<long> Observed(TaskCompletionSource<long> source)
    {
        // SubscribeAsync may stop waiting (cancelled) before Kalshi refuses: the refusal must not become an unobserved exception.
        source.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return source;
    }

    public override string ToString() => $"{Channel} sid={Sid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} [{string.Join(',', MarketTickers)}]";
}
