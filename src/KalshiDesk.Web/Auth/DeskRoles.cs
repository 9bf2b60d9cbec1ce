namespace KalshiDesk.Web.Auth;

/// <summary>Roles, weakest first: a viewer reads, a trader also decides on proposals, an admin also runs the desk.</summary>
public static class DeskRoles
{
    public const string Viewer = "viewer";
    public const string Trader = "trader";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Trader, Admin];

    /// <summary>Whether <paramref name="role"/> is one of the desk's roles, spelled as <see cref="All"/> spells it.</summary>
    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The strongest desk role in <paramref name="roles"/>, or null when there is none.</summary>
    public static string? Strongest(IEnumerable<string?> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return All.LastOrDefault(held.Contains);
    }
}
