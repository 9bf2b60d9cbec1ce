namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>The <c>msg</c> of a <c>subscribed</c> response, and one entry of <c>list_subscriptions</c>.</summary>
internal sealed record StreamAckJson(string Channel, long Sid);
