namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>POST /api/proposals/{id}/reject</c>.</summary>
public sealed record RejectRequest(string? Reason);
