namespace KalshiDesk.Sandbox.Wire;

/// <summary>The V2 cancel answer.</summary>
internal sealed record CancelOrderResponseJson(string OrderId, string ClientOrderId, string ReducedBy, long TsMs);
