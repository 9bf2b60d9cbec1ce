namespace KalshiDesk.Web.Auth;

/// <summary>
/// A user as Settings and <c>GET /api/users</c> show it: the desk role it holds (null when it holds none), whether an
/// admin locked it, and until when failed sign-ins lock it out, if they do.
/// </summary>
public sealed record DeskUserView(string Id, string UserName, string? Role, bool Locked, DateTimeOffset? LockedOutUntil);
