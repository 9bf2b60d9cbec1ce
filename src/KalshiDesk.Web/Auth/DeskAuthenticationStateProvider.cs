using System.Security.Claims;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// The signed-in user of a Blazor circuit, checked again every <see cref="AuthHosting.SessionCheckInterval"/> as the
/// cookie is: when the user was deleted or locked, or their security stamp changed (a sign-out, a role change, a
/// password reset), the circuit's user becomes anonymous and its page sends the browser to the sign-in page.
/// </summary>
public sealed class DeskAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<SecurityStampValidatorOptions> stamps)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    protected override TimeSpan RevalidationInterval =>
        stamps.Value.ValidationInterval < Shortest ? Shortest : stamps.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);

        // A scope of its own: the circuit's scope lives for hours and Identity's store would answer from what it read first.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        return await IsCurrentAsync(users, authenticationState.User).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="principal"/> still stands for an unlocked user whose security stamp it carries.</summary>
    internal static async Task<bool> IsCurrentAsync(UserManager<DeskUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal).ConfigureAwait(false);
        if (user is null || DeskLockout.IsLocked(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user).ConfigureAwait(false);
    }
}
