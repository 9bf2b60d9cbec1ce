namespace KalshiDesk.Sandbox.Wire;

internal sealed record SettlementSourceJson(string Name, string Url);
