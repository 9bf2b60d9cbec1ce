namespace KalshiDesk.Sandbox.World;

/// <summary>What <c>market_lifecycle_v2</c> announces (Kalshi's <c>event_type</c> values) plus <c>event_lifecycle</c>'s event creation.</summary>
internal enum LifecycleKind
{
    EventCreated,
    Created,
    Activated,
    Deactivated,
    Determined,
    Settled,
}

/// <summary>One change of a market's (or an event's) lifecycle, in the order it happened.</summary>
internal sealed record LifecycleNotice(LifecycleKind Kind, SandboxEvent Event, SandboxMarket? Market, DateTimeOffset At);
