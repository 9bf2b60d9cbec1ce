namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>POST /api/risk/kill</c>: <c>{"flatten": true}</c> also sells every position; absent means false.</summary>
public sealed record RiskKillRequest(bool Flatten);
