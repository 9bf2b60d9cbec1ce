using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> against the stored SHA-256 hashes of API tokens. The token acts as
/// its user with the roles the user holds now, read at every request; a revoked token (its row deleted), a deleted user
/// and a user an admin locked get 401.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DeskControlDb db,
    UserManager<DeskUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.Fail("empty bearer token");
        }

        var hash = Hash(token);
        await using var context = await db.CreateDbContextAsync(Context.RequestAborted).ConfigureAwait(false);
        var row = await context.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted).ConfigureAwait(false);
        if (row is null)
        {
            return AuthenticateResult.Fail("unknown bearer token");
        }

        var user = await users.FindByIdAsync(row.UserId).ConfigureAwait(false);
        if (user is null)
        {
            return AuthenticateResult.Fail("the token's user no longer exists");
        }

        if (DeskLockout.IsLocked(user))
        {
            return AuthenticateResult.Fail("the token's user is locked");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName ?? user.Id) };
        claims.AddRange((await users.GetRolesAsync(user).ConfigureAwait(false)).Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
