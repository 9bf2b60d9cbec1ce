namespace KalshiDesk.Web.Auth;

/// <summary>A token just made, with its text: shown once, as only its SHA-256 hash is stored.</summary>
public sealed record NewApiToken(Guid Id, string Name, string UserName, string Token);
