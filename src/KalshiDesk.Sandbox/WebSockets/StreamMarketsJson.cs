namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>The <c>msg</c> of an <c>update_subscription</c> <c>ok</c>: the subscription's markets after the update.</summary>
internal sealed record StreamMarketsJson(IReadOnlyList<string> MarketTickers);
