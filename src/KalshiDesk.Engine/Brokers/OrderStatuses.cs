namespace KalshiDesk.Engine.Brokers;

/// <summary>The desk's order statuses: Kalshi's (resting, executed, canceled) plus the desk's own states.</summary>
public static class OrderStatuses
{
    /// <summary>Recorded, about to be sent.</summary>
    public const string Pending = "pending";

    /// <summary>Sent, but the answer never came: blocks new orders on the market until reconciliation.</summary>
    public const string Unknown = "unknown";

    /// <summary>The exchange refused it; nothing happened.</summary>
    public const string Rejected = "rejected";

    public const string Resting = "resting";

    public const string Executed = "executed";

    public const string Canceled = "canceled";

    /// <summary>Reconciliation proved the exchange never received it.</summary>
    public const string Absent = "absent";
}
