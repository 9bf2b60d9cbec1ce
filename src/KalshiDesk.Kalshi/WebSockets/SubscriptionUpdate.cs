namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>The <c>action</c> of an <c>update_subscription</c> command.</summary>
public enum SubscriptionUpdate
{
    /// <summary><c>add_markets</c>: the subscription also covers these markets.</summary>
    AddMarkets,

    /// <summary><c>delete_markets</c>: the subscription stops covering these markets.</summary>
    DeleteMarkets,

    /// <summary><c>get_snapshot</c>: send a fresh order book snapshot for these markets.</summary>
    GetSnapshot,
}
