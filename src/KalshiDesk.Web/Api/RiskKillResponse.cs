using KalshiDesk.Engine.Risk;

namespace KalshiDesk.Web.Api;

/// <summary>The answer to <c>POST /api/risk/kill</c>: what the kill switch did, and the risk state after it.</summary>
public sealed record RiskKillResponse(KillReport Kill, RiskReport Risk);
