using System.Security.Cryptography;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// Creates the roles and, on the first start, the <c>admin</c> user with the admin role. KALSHIDESK_ADMIN_PASSWORD sets
/// the admin's password at every start; without it, the first start generates one and prints it once.
/// KALSHIDESK_API_TOKEN registers a bearer token for the admin. Roles are the admins' to manage in Settings afterwards:
/// a start changes them only if no unlocked admin remains, when <c>admin</c> is made admin again and unlocked. A deleted
/// <c>admin</c> is not created again while other users exist.
/// </summary>
public sealed partial class AccountSeeder(
    UserManager<DeskUser> users,
    RoleManager<IdentityRole> roles,
    DeskControlDb db,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AccountSeeder> logger)
{
    public const string AdminUser = "admin";
    public const string AdminPasswordKey = "KALSHIDESK_ADMIN_PASSWORD";
    public const string ApiTokenKey = "KALSHIDESK_API_TOKEN";

    /// <summary>Where the first start's generated password is written (standard output by default).</summary>
    public TextWriter Announce { get; set; } = Console.Out;

    public async Task SeedAsync()
    {
        foreach (var role in DeskRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false), "creating role " + role);
            }
        }

        var password = configuration[AdminPasswordKey];
        var admin = await users.FindByNameAsync(AdminUser).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, admin ?? new DeskUser { UserName = AdminUser }, password).ConfigureAwait(false);
                if (!check.Succeeded)
                {
                    throw new DeskConfigurationException(AdminPasswordKey, $"is too weak ({string.Join(" ", check.Errors.Select(e => e.Description))}); use at least 10 characters");
                }
            }
        }

        if (admin is null && await users.Users.AnyAsync().ConfigureAwait(false))
        {
            LogAdminDeleted(logger);
            return;
        }

        if (admin is null)
        {
            var generated = string.IsNullOrEmpty(password);
            password = generated ? Generate() : password;
            admin = new DeskUser { UserName = AdminUser };
            Check(await users.CreateAsync(admin, password!).ConfigureAwait(false), "creating the admin user");
            Check(await users.AddToRoleAsync(admin, DeskRoles.Admin).ConfigureAwait(false), "granting admin");
            if (generated)
            {
                await Announce.WriteLineAsync($"KalshiDesk created the user 'admin' with the password: {password}  (shown once; set {AdminPasswordKey} to choose your own)").ConfigureAwait(false);
                await Announce.FlushAsync().ConfigureAwait(false);
            }
        }
        else if (!string.IsNullOrEmpty(password) && !await users.CheckPasswordAsync(admin, password).ConfigureAwait(false))
        {
            var reset = await users.GeneratePasswordResetTokenAsync(admin).ConfigureAwait(false);
            Check(await users.ResetPasswordAsync(admin, reset, password).ConfigureAwait(false), "setting the admin password");
            LogPasswordSet(logger);
        }

        await EnsureAnAdminAsync(admin).ConfigureAwait(false);
        await RegisterApiTokenAsync(admin).ConfigureAwait(false);
    }

    /// <summary>The desk always has an unlocked admin: if none remains, <c>admin</c> becomes one again.</summary>
    private async Task EnsureAnAdminAsync(DeskUser admin)
    {
        var admins = await users.GetUsersInRoleAsync(DeskRoles.Admin).ConfigureAwait(false);
        if (admins.Any(a => !DeskLockout.IsLocked(a)))
        {
            return;
        }

        if (!await users.IsInRoleAsync(admin, DeskRoles.Admin).ConfigureAwait(false))
        {
            Check(await users.AddToRoleAsync(admin, DeskRoles.Admin).ConfigureAwait(false), "granting admin");
        }

        if (DeskLockout.IsLocked(admin))
        {
            Check(await users.SetLockoutEndDateAsync(admin, null).ConfigureAwait(false), "unlocking the admin user");
        }

        LogAdminRestored(logger);
    }

    private async Task RegisterApiTokenAsync(DeskUser admin)
    {
        var token = configuration[ApiTokenKey];
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        if (token.Length < 16 || token.Any(char.IsWhiteSpace))
        {
            throw new DeskConfigurationException(ApiTokenKey, "must be at least 16 characters with no spaces; generate one with: openssl rand -hex 32");
        }

        var hash = ApiTokenAuthenticationHandler.Hash(token);
        await using var context = await db.CreateDbContextAsync().ConfigureAwait(false);
        var existing = await context.ApiTokens.FirstOrDefaultAsync(t => t.UserId == admin.Id && t.Name == ApiTokenKey).ConfigureAwait(false);
        if (existing is null)
        {
            context.ApiTokens.Add(new ApiTokenEntity { Id = Guid.CreateVersion7(time.GetUtcNow()), UserId = admin.Id, Name = ApiTokenKey, TokenHash = hash, CreatedAt = time.GetUtcNow() });
        }
        else
        {
            existing.TokenHash = hash;
        }

        await context.SaveChangesAsync().ConfigureAwait(false);
    }

    private static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'd');

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity failed {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin password was set from KALSHIDESK_ADMIN_PASSWORD")]
    private static partial void LogPasswordSet(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No unlocked user held the admin role: the user 'admin' was made admin again")]
    private static partial void LogAdminRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user 'admin' was deleted and is not created again while other users exist; KALSHIDESK_ADMIN_PASSWORD and KALSHIDESK_API_TOKEN have no user to apply to")]
    private static partial void LogAdminDeleted(ILogger logger);
}
