namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>POST /api/tokens</c>: <c>{"name": "nightly report", "userName": "ada"}</c>; the user defaults to the caller.</summary>
public sealed record TokensCreateRequest(string? Name, string? UserName);
