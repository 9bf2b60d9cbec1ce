namespace KalshiDesk.Kalshi.WebSockets;

/// <summary>The <c>event_type</c> of a <c>market_lifecycle_v2</c> message.</summary>
public enum MarketLifecycleEventType
{
    /// <summary>A value this client does not know yet; see <see cref="LifecycleEvent.EventTypeName"/>.</summary>
    Other,
    Created,
    Activated,
    Deactivated,
    CloseDateUpdated,
    Determined,
    Settled,
    PriceLevelStructureUpdated,
    MetadataUpdated,
}
