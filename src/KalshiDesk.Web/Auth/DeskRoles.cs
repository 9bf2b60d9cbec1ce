namespace KalshiDesk.Web.Auth;

/// <summary>Roles, weakest first: a viewer reads, a trader also decides on proposals, an admin also runs the desk.</summary>
public static class DeskRoles
{
    public const string Viewer = "viewer";
    public const string Trader = "trader";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Trader, Admin];
}
