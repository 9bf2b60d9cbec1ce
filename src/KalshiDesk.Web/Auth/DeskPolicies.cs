namespace KalshiDesk.Web.Auth;

/// <summary>Authorization policies; each admits its role and every stronger one.</summary>
public static class DeskPolicies
{
    public const string Viewer = "Viewer";
    public const string Trader = "Trader";
    public const string Admin = "Admin";
}
