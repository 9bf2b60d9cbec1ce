using System.Globalization;
using System.Security.Claims;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// Users and their roles as admins manage them in Settings and through <c>/api/users</c>: list, create, change the role,
/// reset the password, lock and unlock, delete. Each user holds one desk role. The last active (unlocked) admin cannot be
/// demoted, locked or deleted, and an admin cannot lock or delete themselves. Every change is audited (who, when, the
/// value before and after; never a password). A role change, a lock and a password reset renew the user's security
/// stamp, so their signed-in sessions end at the next check (<see cref="AuthHosting.SessionCheckInterval"/>); their API
/// tokens carry the new role, or stop, from the next request.
/// </summary>
/// <remarks>
/// Each call works in its own scope: a Blazor circuit lives for hours, and Identity's store must not keep what it read
/// at the start. Changes run one at a time in this process, so two admins cannot each remove the other's admin role.
/// </remarks>
public sealed partial class DeskUserAdmin(
    IServiceScopeFactory scopes,
    DeskControlDb db,
    TimeProvider time,
    ILogger<DeskUserAdmin> logger)
{
    public const string LastAdminError = "At least one admin must remain: make another user admin first.";
    public const string NotAdminError = "Only an admin can manage users.";
    public const int MaxUserNameLength = 64;

    private static readonly SemaphoreSlim Changes = new(1, 1);

    /// <summary>Every user with the role it holds, by name.</summary>
    public async Task<IReadOnlyList<DeskUserView>> ListAsync(CancellationToken ct = default)
    {
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var users = await context.Users.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var held = await (from userRole in context.UserRoles
                          join role in context.Roles on userRole.RoleId equals role.Id
                          select new { userRole.UserId, role.Name }).ToListAsync(ct).ConfigureAwait(false);
        var roles = held.ToLookup(r => r.UserId, r => r.Name, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return
        [
            .. users
                .Select(u => View(u, DeskRoles.Strongest(roles[u.Id]), now))
                .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase),
        ];
    }

    /// <summary>Makes a user with an initial password (Identity's policy: 10 characters or more) and one role.</summary>
    public Task<UserChangeResult> CreateAsync(ClaimsPrincipal actor, string? userName, string? password, string? role) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            var name = userName?.Trim() ?? string.Empty;
            if (NameProblem(users, name) is { } problem)
            {
                return UserChangeResult.Invalid(problem, UserChangeResult.UserNameField);
            }

            if (string.IsNullOrEmpty(password))
            {
                return UserChangeResult.Invalid("Enter an initial password.", UserChangeResult.PasswordField);
            }

            if (!DeskRoles.IsRole(role))
            {
                return UserChangeResult.Invalid("Choose a role: viewer, trader or admin.", UserChangeResult.RoleField);
            }

            var user = new DeskUser { UserName = name };
            var created = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                return FromIdentity(created);
            }

            var granted = await users.AddToRoleAsync(user, role!).ConfigureAwait(false);
            if (!granted.Succeeded)
            {
                await users.DeleteAsync(user).ConfigureAwait(false);
                return FromIdentity(granted);
            }

            await RecordAsync(admin, "user.create", $"{name} created as {role}", null, role).ConfigureAwait(false);
            return UserChangeResult.Done with { User = View(user, role, time.GetUtcNow()) };
        });

    /// <summary>Gives a user one role in place of what it held; its signed-in sessions end, its tokens carry the new role.</summary>
    public Task<UserChangeResult> ChangeRoleAsync(ClaimsPrincipal actor, string? userId, string? role) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            if (!DeskRoles.IsRole(role))
            {
                return UserChangeResult.Invalid("Choose a role: viewer, trader or admin.", UserChangeResult.RoleField);
            }

            if (await FindAsync(users, userId).ConfigureAwait(false) is not { } user)
            {
                return NoSuchUser;
            }

            var held = (await users.GetRolesAsync(user).ConfigureAwait(false)).Where(DeskRoles.IsRole).ToList();
            var before = DeskRoles.Strongest(held);
            if (before == role)
            {
                return UserChangeResult.Unchanged;
            }

            if (before == DeskRoles.Admin && role != DeskRoles.Admin && await IsLastActiveAdminAsync(users, user).ConfigureAwait(false))
            {
                return UserChangeResult.Refused(LastAdminError);
            }

            // The new role first: the user never holds none.
            if (!held.Contains(role!, StringComparer.Ordinal) && await users.AddToRoleAsync(user, role!).ConfigureAwait(false) is { Succeeded: false } added)
            {
                return FromIdentity(added);
            }

            var others = held.Where(r => r != role).ToList();
            if (others.Count > 0 && await users.RemoveFromRolesAsync(user, others).ConfigureAwait(false) is { Succeeded: false } removed)
            {
                return FromIdentity(removed);
            }

            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            await RecordAsync(admin, "user.role", $"{user.UserName} role {before ?? "none"} → {role}", before, role).ConfigureAwait(false);
            return UserChangeResult.Done;
        });

    /// <summary>Sets a new password; the user's signed-in sessions end.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(ClaimsPrincipal actor, string? userId, string? password) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            if (await FindAsync(users, userId).ConfigureAwait(false) is not { } user)
            {
                return NoSuchUser;
            }

            if (string.IsNullOrEmpty(password))
            {
                return UserChangeResult.Invalid("Enter the new password.", UserChangeResult.PasswordField);
            }

            var reset = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
            var result = await users.ResetPasswordAsync(user, reset, password).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return FromIdentity(result);
            }

            await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
            await RecordAsync(admin, "user.password", $"{user.UserName} password reset; signed-in sessions end", null, null).ConfigureAwait(false);
            return UserChangeResult.Done;
        });

    /// <summary>Locks a user: sign-in, signed-in sessions and API tokens are refused until unlocked.</summary>
    public Task<UserChangeResult> LockAsync(ClaimsPrincipal actor, string? userId) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            if (await FindAsync(users, userId).ConfigureAwait(false) is not { } user)
            {
                return NoSuchUser;
            }

            if (DeskLockout.IsLocked(user))
            {
                return UserChangeResult.Unchanged;
            }

            if (await Refusal(users, user, admin, "lock").ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
            var locked = await users.SetLockoutEndDateAsync(user, DeskLockout.Until).ConfigureAwait(false);
            if (!locked.Succeeded)
            {
                return FromIdentity(locked);
            }

            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
            await RecordAsync(admin, "user.lock", $"{user.UserName} locked: sign-in, sessions and API tokens refused", "active", "locked").ConfigureAwait(false);
            return UserChangeResult.Done;
        });

    /// <summary>Ends an admin's lock, or the lockout after failed sign-ins.</summary>
    public Task<UserChangeResult> UnlockAsync(ClaimsPrincipal actor, string? userId) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            if (await FindAsync(users, userId).ConfigureAwait(false) is not { } user)
            {
                return NoSuchUser;
            }

            if (user.LockoutEnd is null || user.LockoutEnd <= time.GetUtcNow())
            {
                return UserChangeResult.Unchanged;
            }

            var before = DeskLockout.IsLocked(user) ? "locked" : "locked out after failed sign-ins";
            var unlocked = await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
            if (!unlocked.Succeeded)
            {
                return FromIdentity(unlocked);
            }

            await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
            await RecordAsync(admin, "user.unlock", $"{user.UserName} unlocked", before, "active").ConfigureAwait(false);
            return UserChangeResult.Done;
        });

    /// <summary>Deletes a user and revokes its API tokens; what it decided stays in the history under its name.</summary>
    public Task<UserChangeResult> DeleteAsync(ClaimsPrincipal actor, string? userId) =>
        AsAdminAsync(actor, async (users, admin) =>
        {
            if (await FindAsync(users, userId).ConfigureAwait(false) is not { } user)
            {
                return NoSuchUser;
            }

            if (await Refusal(users, user, admin, "delete").ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var role = DeskRoles.Strongest(await users.GetRolesAsync(user).ConfigureAwait(false));
            var deleted = await users.DeleteAsync(user).ConfigureAwait(false);
            if (!deleted.Succeeded)
            {
                return FromIdentity(deleted);
            }

            int tokens;
            await using (var context = await db.CreateDbContextAsync().ConfigureAwait(false))
            {
                tokens = await context.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync().ConfigureAwait(false);
            }

            var revoked = tokens == 1 ? "1 API token revoked" : string.Create(CultureInfo.InvariantCulture, $"{tokens} API tokens revoked");
            await RecordAsync(admin, "user.delete", $"{user.UserName} deleted ({role ?? "no role"}); {revoked}", role, null).ConfigureAwait(false);
            return UserChangeResult.Done;
        });

    private static UserChangeResult NoSuchUser { get; } = UserChangeResult.NotFound("No user has that id; it may have been deleted.");

    /// <summary>The last-admin rule, then the self rule, for a lock or a delete.</summary>
    private static async Task<UserChangeResult?> Refusal(UserManager<DeskUser> users, DeskUser user, DeskUser admin, string verb)
    {
        if (await users.IsInRoleAsync(user, DeskRoles.Admin).ConfigureAwait(false) && await IsLastActiveAdminAsync(users, user).ConfigureAwait(false))
        {
            return UserChangeResult.Refused(LastAdminError);
        }

        return user.Id == admin.Id
            ? UserChangeResult.Refused($"You cannot {verb} yourself: ask another admin.")
            : null;
    }

    /// <summary>Whether <paramref name="user"/> is active and no other unlocked user is an admin.</summary>
    private static async Task<bool> IsLastActiveAdminAsync(UserManager<DeskUser> users, DeskUser user)
    {
        if (DeskLockout.IsLocked(user))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(DeskRoles.Admin).ConfigureAwait(false);
        return !admins.Any(a => a.Id != user.Id && !DeskLockout.IsLocked(a));
    }

    private static async Task<DeskUser?> FindAsync(UserManager<DeskUser> users, string? userId) =>
        string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId).ConfigureAwait(false);

    /// <summary>Why <paramref name="name"/> cannot be a user name, in words that do not repeat what was typed.</summary>
    private static string? NameProblem(UserManager<DeskUser> users, string name)
    {
        if (name.Length == 0)
        {
            return "Enter a user name.";
        }

        if (name.Length > MaxUserNameLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"A user name has at most {MaxUserNameLength} characters.");
        }

        var allowed = users.Options.User.AllowedUserNameCharacters;
        return string.IsNullOrEmpty(allowed) || name.All(allowed.Contains)
            ? null
            : "A user name uses only letters, digits and - . _ @ + (no spaces).";
    }

    private static UserChangeResult FromIdentity(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        var field = errors.Select(e => e.Code).FirstOrDefault() switch
        {
            { } code when code.StartsWith("Password", StringComparison.Ordinal) => UserChangeResult.PasswordField,
            { } code when code.Contains("UserName", StringComparison.Ordinal) => UserChangeResult.UserNameField,
            _ => null,
        };
        return UserChangeResult.Invalid(string.Join(" ", errors.Select(e => e.Description)), field);
    }

    private static DeskUserView View(DeskUser user, string? role, DateTimeOffset now)
    {
        var locked = DeskLockout.IsLocked(user);
        var lockedOut = !locked && user.LockoutEnd is { } end && end > now ? end : (DateTimeOffset?)null;
        return new DeskUserView(user.Id, user.UserName ?? user.Id, role, locked, lockedOut);
    }

    /// <summary>Runs a change in its own scope, as the acting user if that user is an unlocked admin now.</summary>
    private async Task<UserChangeResult> AsAdminAsync(ClaimsPrincipal actor, Func<UserManager<DeskUser>, DeskUser, Task<UserChangeResult>> change)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await Changes.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();

            // The role as stored now, not as the session's cookie remembers it.
            var admin = await users.GetUserAsync(actor).ConfigureAwait(false);
            if (admin is null || DeskLockout.IsLocked(admin) || !await users.IsInRoleAsync(admin, DeskRoles.Admin).ConfigureAwait(false))
            {
                return UserChangeResult.Forbidden(NotAdminError);
            }

            return await change(users, admin).ConfigureAwait(false);
        }
        finally
        {
            Changes.Release();
        }
    }

    private async Task RecordAsync(DeskUser admin, string action, string details, string? oldValue, string? newValue)
    {
        var now = time.GetUtcNow();
        var actor = admin.UserName ?? admin.Id;
        await using (var context = await db.CreateDbContextAsync().ConfigureAwait(false))
        {
            context.Audit.Add(UserAudit.Entry(now, actor, action, details, oldValue, newValue));
            await context.SaveChangesAsync().ConfigureAwait(false);
        }

        LogChanged(logger, actor, action, details);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} changed users ({Action}): {Details}")]
    private static partial void LogChanged(ILogger logger, string actor, string action, string details);
}
