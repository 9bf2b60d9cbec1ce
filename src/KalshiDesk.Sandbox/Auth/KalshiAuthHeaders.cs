namespace KalshiDesk.Sandbox.Auth;

/// <summary>Kalshi's API-key headers, on REST requests and on the WebSocket upgrade.</summary>
internal static class KalshiAuthHeaders
{
    public const string Key = "KALSHI-ACCESS-KEY";
    public const string Timestamp = "KALSHI-ACCESS-TIMESTAMP";
    public const string Signature = "KALSHI-ACCESS-SIGNATURE";
}
