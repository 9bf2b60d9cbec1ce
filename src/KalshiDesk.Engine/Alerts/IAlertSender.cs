namespace KalshiDesk.Engine.Alerts;

/// <summary>Sends the desk's alerts to Discord and the generic webhook, paced and retried, and remembers how they went.</summary>
public interface IAlertSender
{
    /// <summary>Discord, then the generic webhook, configured or not; by host only.</summary>
    IReadOnlyList<AlertDestinationView> Destinations { get; }

    /// <summary>The latest alerts and what became of each at each destination, newest first.</summary>
    IReadOnlyList<SentAlert> Recent { get; }

    /// <summary>Raised after each outcome is recorded in <see cref="Recent"/>.</summary>
    event EventHandler? Recorded;

    /// <summary>Queues <paramref name="alert"/> for every configured destination when its kind is on; returns at once.</summary>
    /// <returns>Whether it was queued anywhere.</returns>
    bool Enqueue(Alert alert);

    /// <summary>
    /// Sends "Test alert from KalshiDesk" to every destination now and returns, per destination, "sent" or why not
    /// (e.g. "Discord answered 401 Unauthorized", "no Discord webhook configured").
    /// </summary>
    Task<IReadOnlyList<AlertTestResult>> SendTestAsync(string actor, CancellationToken ct = default);
}
