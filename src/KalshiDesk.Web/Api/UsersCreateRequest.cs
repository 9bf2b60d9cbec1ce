namespace KalshiDesk.Web.Api;

/// <summary>Body of <c>POST /api/users</c>: <c>{"userName": "ada", "password": "at least 10 characters", "role": "viewer"}</c>.</summary>
public sealed record UsersCreateRequest(string? UserName, string? Password, string? Role);
