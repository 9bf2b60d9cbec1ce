namespace KalshiDesk.Web.Auth;

/// <summary>An API token as listed: its name, its user and when it was made; never its text, which is not stored.</summary>
public sealed record ApiTokenView(Guid Id, string Name, string UserId, string UserName, DateTimeOffset CreatedAt);
