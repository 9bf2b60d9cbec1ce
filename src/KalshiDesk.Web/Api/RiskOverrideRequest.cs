namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>PUT /api/risk/overrides/{limit}</c>: <c>{"value": 0.05}</c>, in the limit's unit.</summary>
public sealed record RiskOverrideRequest(decimal? Value);
