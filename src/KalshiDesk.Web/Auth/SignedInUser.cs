using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// What a dashboard component asks of the person using it, from its cascading <see cref="AuthenticationState"/>: whether
/// a policy lets them act (checked again at each action, not only when the page drew its buttons), and the name an
/// action is audited under.
/// </summary>
public static class SignedInUser
{
    /// <summary>True when the signed-in user satisfies <paramref name="policy"/>; false with no authentication state.</summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, Task<AuthenticationState>? authentication, string policy)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (authentication is null)
        {
            return false;
        }

        var user = (await authentication.ConfigureAwait(false)).User;
        return (await authorization.AuthorizeAsync(user, policy).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>The user's name as actions are audited under it ("unknown" without one).</summary>
    public static async Task<string> NameAsync(Task<AuthenticationState>? authentication) =>
        authentication is null ? "unknown" : (await authentication.ConfigureAwait(false)).User.Identity?.Name ?? "unknown";
}
