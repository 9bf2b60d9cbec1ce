using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// Bearer tokens for scripts: an admin makes and revokes them for any user, any other user for themselves. A token acts
/// as its user with the role the user holds at each request, and stops when the user is locked or deleted. Its text is
/// returned once, at creation; only its SHA-256 hash is stored. Revoking deletes the row, so the token gets 401 from the
/// next request. Creations and revocations are audited by name, never by text or hash.
/// </summary>
public sealed partial class ApiTokenAdmin(
    IServiceScopeFactory scopes,
    DeskControlDb db,
    TimeProvider time,
    ILogger<ApiTokenAdmin> logger)
{
    public const int MaxNameLength = 100;
    public const string TokenPrefix = "kd_";

    /// <summary>A new token's text: 256 random bits, URL-safe.</summary>
    public static string NewToken() => TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The tokens <paramref name="actor"/> may see, newest first: every token for an admin, their own for anyone else.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await ActorAsync(actor).ConfigureAwait(false) is not { } who)
        {
            return [];
        }

        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var tokens = context.ApiTokens.AsNoTracking();
        if (!who.IsAdmin)
        {
            tokens = tokens.Where(t => t.UserId == who.Id);
        }

        var rows = await (from token in tokens
                          join user in context.Users on token.UserId equals user.Id into owners
                          from owner in owners.DefaultIfEmpty()
                          select new { token.Id, token.Name, token.UserId, UserName = owner == null ? null : owner.UserName, token.CreatedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new ApiTokenView(r.Id, r.Name, r.UserId, r.UserName ?? r.UserId, r.CreatedAt)).OrderByDescending(t => t.CreatedAt)];
    }

    /// <summary>Makes a token named <paramref name="name"/> for the user <paramref name="userId"/> (the actor when null).</summary>
    public async Task<UserChangeResult> CreateAsync(ClaimsPrincipal actor, string? userId, string? name)
    {
        if (await ActorAsync(actor).ConfigureAwait(false) is not { } who)
        {
            return UserChangeResult.Forbidden("Sign in as an unlocked user to make a token.");
        }

        userId ??= who.Id;
        if (userId != who.Id && !who.IsAdmin)
        {
            return UserChangeResult.Forbidden("Only an admin can make a token for another user.");
        }

        var label = name?.Trim() ?? string.Empty;
        if (label.Length == 0)
        {
            return UserChangeResult.Invalid("Name the token, e.g. after the script that uses it.", UserChangeResult.NameField);
        }

        if (label.Length > MaxNameLength || label.Any(char.IsControl))
        {
            return UserChangeResult.Invalid(string.Create(CultureInfo.InvariantCulture, $"A token's name is one line of at most {MaxNameLength} characters."), UserChangeResult.NameField);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } owner)
        {
            return UserChangeResult.NotFound("No user has that id; it may have been deleted.");
        }

        if (DeskLockout.IsLocked(owner))
        {
            return UserChangeResult.Refused($"{owner.UserName} is locked: unlock the user first.");
        }

        var text = NewToken();
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using (var context = await db.CreateDbContextAsync().ConfigureAwait(false))
        {
            if (await context.ApiTokens.AnyAsync(t => t.UserId == owner.Id && t.Name == label).ConfigureAwait(false))
            {
                return UserChangeResult.Invalid($"{owner.UserName} already has a token with that name; choose another.", UserChangeResult.NameField);
            }

            context.ApiTokens.Add(new ApiTokenEntity { Id = id, UserId = owner.Id, Name = label, TokenHash = ApiTokenAuthenticationHandler.Hash(text), CreatedAt = now });
            context.Audit.Add(UserAudit.Entry(now, who.Name, "token.create", $"API token '{label}' for {owner.UserName}", null, label));
            await context.SaveChangesAsync().ConfigureAwait(false);
        }

        LogCreated(logger, who.Name, label, owner.UserName ?? owner.Id);
        return UserChangeResult.Done with { Token = new NewApiToken(id, label, owner.UserName ?? owner.Id, text) };
    }

    /// <summary>Revokes a token: an admin any, anyone else their own. It gets 401 from the next request.</summary>
    public async Task<UserChangeResult> RevokeAsync(ClaimsPrincipal actor, Guid id)
    {
        if (await ActorAsync(actor).ConfigureAwait(false) is not { } who)
        {
            return UserChangeResult.Forbidden("Sign in as an unlocked user to revoke a token.");
        }

        await using var context = await db.CreateDbContextAsync().ConfigureAwait(false);
        var token = await context.ApiTokens.FirstOrDefaultAsync(t => t.Id == id).ConfigureAwait(false);

        // Someone else's token is as unknown to a non-admin as one that does not exist.
        if (token is null || (!who.IsAdmin && token.UserId != who.Id))
        {
            return UserChangeResult.NotFound("No token has that id; it may have been revoked already.");
        }

        var owner = await context.Users.AsNoTracking().Where(u => u.Id == token.UserId).Select(u => u.UserName).FirstOrDefaultAsync().ConfigureAwait(false) ?? token.UserId;
        var now = time.GetUtcNow();
        context.ApiTokens.Remove(token);
        context.Audit.Add(UserAudit.Entry(now, who.Name, "token.revoke", $"API token '{token.Name}' of {owner} revoked", token.Name, null));
        await context.SaveChangesAsync().ConfigureAwait(false);
        LogRevoked(logger, who.Name, token.Name, owner);
        return UserChangeResult.Done;
    }

    /// <summary>The acting user as stored now (unlocked, with its current role), or null.</summary>
    private async Task<Actor?> ActorAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        var user = await users.GetUserAsync(principal).ConfigureAwait(false);
        if (user is null || DeskLockout.IsLocked(user))
        {
            return null;
        }

        return new Actor(user.Id, user.UserName ?? user.Id, await users.IsInRoleAsync(user, DeskRoles.Admin).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} made the API token '{Name}' for {User}")]
    private static partial void LogCreated(ILogger logger, string actor, string name, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} revoked the API token '{Name}' of {User}")]
    private static partial void LogRevoked(ILogger logger, string actor, string name, string user);

    private sealed record Actor(string Id, string Name, bool IsAdmin);
}
