using System.Net;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary><see cref="DeskUserAdmin"/> on the app's own database: the rules, the stamps and the audit.</summary>
public sealed class DeskUserAdminTests(AuthDeskApp desk) : IClassFixture<AuthDeskApp>
{
    private DeskUserAdmin Admin => desk.Services.GetRequiredService<DeskUserAdmin>();

    [Fact]
    public async Task Create_ListsTheUserWithItsOneRole_AndAuditsItWithoutThePassword()
    {
        const string password = "first-password-of-nina";
        var result = await Admin.CreateAsync(await desk.PrincipalAsync("admin"), "  nina-create  ", password, DeskRoles.Trader);

        Assert.Equal(UserChangeOutcome.Done, result.Outcome);
        Assert.Equal(("nina-create", "trader", false), (result.User!.UserName, result.User.Role, result.User.Locked));
        var listed = Assert.Single(await Admin.ListAsync(), u => u.UserName == "nina-create");
        Assert.Equal(result.User.Id, listed.Id);
        Assert.Equal("trader", listed.Role);
        Assert.Equal(["trader"], await desk.RolesAsync("nina-create"));
        var audit = await AuditAsync("user.create", "nina-create");
        Assert.Equal(("admin", "nina-create created as trader", null, "trader"), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
        await AssertNoSecretInTheAuditAsync(password);
    }

    [Fact]
    public async Task Create_RefusesWhatIdentityOrTheDeskWouldNotAccept_NamingTheField()
    {
        var admin = await desk.PrincipalAsync("admin");
        var existing = await desk.CreateUserAsync("taken", "a-long-enough-password", DeskRoles.Viewer);

        var weak = await Admin.CreateAsync(admin, "weak-one", "short", DeskRoles.Viewer);
        var duplicate = await Admin.CreateAsync(admin, existing, "a-long-enough-password", DeskRoles.Viewer);
        var hostile = await Admin.CreateAsync(admin, "<script>alert(1)</script>", "a-long-enough-password", DeskRoles.Viewer);
        var spaced = await Admin.CreateAsync(admin, "two words", "a-long-enough-password", DeskRoles.Viewer);
        var noRole = await Admin.CreateAsync(admin, "no-role", "a-long-enough-password", "superuser");
        var empty = await Admin.CreateAsync(admin, "   ", "a-long-enough-password", DeskRoles.Viewer);

        Assert.Equal((UserChangeOutcome.Invalid, "Passwords must be at least 10 characters.", "password"), (weak.Outcome, weak.Error, weak.Field));
        Assert.Equal((UserChangeOutcome.Invalid, $"Username '{existing}' is already taken.", "userName"), (duplicate.Outcome, duplicate.Error, duplicate.Field));
        Assert.Equal((UserChangeOutcome.Invalid, "A user name uses only letters, digits and - . _ @ + (no spaces).", "userName"), (hostile.Outcome, hostile.Error, hostile.Field));
        Assert.Equal(hostile.Error, spaced.Error);
        Assert.Equal((UserChangeOutcome.Invalid, "Choose a role: viewer, trader or admin.", "role"), (noRole.Outcome, noRole.Error, noRole.Field));
        Assert.Equal((UserChangeOutcome.Invalid, "Enter a user name.", "userName"), (empty.Outcome, empty.Error, empty.Field));
        Assert.Null(await desk.FindAsync("weak-one"));
        Assert.Null(await desk.FindAsync("no-role"));
    }

    [Fact]
    public async Task EveryChange_ByANonAdmin_IsForbidden_EvenWithAnAdminsOldSession()
    {
        var trader = await desk.CreateUserAsync("trader", "trader-password-1", DeskRoles.Trader);
        var target = await desk.CreateUserAsync("target", "target-password-1", DeskRoles.Viewer);
        var id = (await desk.FindAsync(target))!.Id;
        var asTrader = await desk.PrincipalAsync(trader);

        var results = new[]
        {
            await Admin.CreateAsync(asTrader, "made-by-trader", "a-long-enough-password", DeskRoles.Admin),
            await Admin.ChangeRoleAsync(asTrader, id, DeskRoles.Admin),
            await Admin.LockAsync(asTrader, id),
            await Admin.ResetPasswordAsync(asTrader, id, "a-long-enough-password"),
            await Admin.DeleteAsync(asTrader, id),
        };

        Assert.All(results, r => Assert.Equal((UserChangeOutcome.Forbidden, DeskUserAdmin.NotAdminError), (r.Outcome, r.Error)));
        Assert.Equal(["viewer"], await desk.RolesAsync(target));
        Assert.Null(await desk.FindAsync("made-by-trader"));
    }

    [Fact]
    public async Task LastActiveAdmin_CannotBeDemotedLockedOrDeleted_AndAnAdminCannotLockOrDeleteThemselves()
    {
        await MakeAdminTheOnlyActiveAdminAsync();
        var admin = await desk.PrincipalAsync("admin");
        var adminId = (await desk.FindAsync("admin"))!.Id;

        var demote = await Admin.ChangeRoleAsync(admin, adminId, DeskRoles.Trader);
        var lockSelf = await Admin.LockAsync(admin, adminId);
        var deleteSelf = await Admin.DeleteAsync(admin, adminId);

        Assert.All(new[] { demote, lockSelf, deleteSelf }, r => Assert.Equal((UserChangeOutcome.Refused, DeskUserAdmin.LastAdminError), (r.Outcome, r.Error)));
        Assert.Contains("at least one admin must remain", DeskUserAdmin.LastAdminError, StringComparison.OrdinalIgnoreCase);

        // A second admin who is locked does not count.
        var ann = await desk.CreateUserAsync("ann", "ann-password-12", DeskRoles.Admin);
        var annId = (await desk.FindAsync(ann))!.Id;
        Assert.Equal(UserChangeOutcome.Done, (await Admin.LockAsync(admin, annId)).Outcome);
        Assert.Equal(DeskUserAdmin.LastAdminError, (await Admin.ChangeRoleAsync(admin, adminId, DeskRoles.Viewer)).Error);

        // Unlocked, she does: the last-admin rule no longer applies, the self rule still does.
        Assert.Equal(UserChangeOutcome.Done, (await Admin.UnlockAsync(admin, annId)).Outcome);
        var lockSelfAgain = await Admin.LockAsync(admin, adminId);
        var deleteSelfAgain = await Admin.DeleteAsync(admin, adminId);
        Assert.Equal((UserChangeOutcome.Refused, "You cannot lock yourself: ask another admin."), (lockSelfAgain.Outcome, lockSelfAgain.Error));
        Assert.Equal((UserChangeOutcome.Refused, "You cannot delete yourself: ask another admin."), (deleteSelfAgain.Outcome, deleteSelfAgain.Error));
        Assert.False(DeskLockout.IsLocked((await desk.FindAsync("admin"))!));

        // With two admins, one may step down; after that she is no admin and can change nothing.
        var asAnn = await desk.PrincipalAsync(ann);
        Assert.Equal(UserChangeOutcome.Done, (await Admin.ChangeRoleAsync(asAnn, annId, DeskRoles.Trader)).Outcome);
        Assert.Equal(["trader"], await desk.RolesAsync(ann));
        Assert.Equal(UserChangeOutcome.Forbidden, (await Admin.ChangeRoleAsync(asAnn, annId, DeskRoles.Admin)).Outcome);
        Assert.Equal(["admin"], await desk.RolesAsync("admin"));
    }

    [Fact]
    public async Task ChangeRole_RenewsTheStamp_AndIsAuditedOldToNew()
    {
        var tess = await desk.CreateUserAsync("tess", "tess-password-1", DeskRoles.Trader);
        var before = (await desk.FindAsync(tess))!;
        var admin = await desk.PrincipalAsync("admin");

        var demoted = await Admin.ChangeRoleAsync(admin, before.Id, DeskRoles.Viewer);
        var again = await Admin.ChangeRoleAsync(admin, before.Id, DeskRoles.Viewer);
        var unknown = await Admin.ChangeRoleAsync(admin, before.Id, "root");
        var missing = await Admin.ChangeRoleAsync(admin, Guid.NewGuid().ToString(), DeskRoles.Viewer);

        Assert.Equal(UserChangeOutcome.Done, demoted.Outcome);
        Assert.Equal(UserChangeOutcome.Unchanged, again.Outcome);
        Assert.Equal(UserChangeOutcome.Invalid, unknown.Outcome);
        Assert.Equal(UserChangeOutcome.NotFound, missing.Outcome);
        Assert.Equal(["viewer"], await desk.RolesAsync(tess));
        Assert.NotEqual(before.SecurityStamp, (await desk.FindAsync(tess))!.SecurityStamp);
        var audit = Assert.Single(await AuditRowsAsync("user.role", tess));
        Assert.Equal(("admin", $"{tess} role trader → viewer", "trader", "viewer"), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public async Task LockThenUnlock_RefusesSignIn_RenewsTheStamp_AndIsAudited()
    {
        var vic = await desk.CreateUserAsync("vic", "vic-password-12", DeskRoles.Viewer);
        var before = (await desk.FindAsync(vic))!;
        var admin = await desk.PrincipalAsync("admin");

        Assert.Equal(UserChangeOutcome.Done, (await Admin.LockAsync(admin, before.Id)).Outcome);
        Assert.Equal(UserChangeOutcome.Unchanged, (await Admin.LockAsync(admin, before.Id)).Outcome);

        var locked = (await desk.FindAsync(vic))!;
        Assert.True(DeskLockout.IsLocked(locked));
        Assert.NotEqual(before.SecurityStamp, locked.SecurityStamp);
        Assert.True(Assert.Single(await Admin.ListAsync(), u => u.UserName == vic).Locked);
        using (var browser = desk.Browser())
        {
            using var refused = await AuthDeskApp.PostSignInAsync(browser, vic, "vic-password-12");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("This account is locked. Ask an admin to unlock it.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(UserChangeOutcome.Done, (await Admin.UnlockAsync(admin, before.Id)).Outcome);
        Assert.False(DeskLockout.IsLocked((await desk.FindAsync(vic))!));
        using (var browser = desk.Browser())
        {
            await AuthDeskApp.SignInAsync(browser, vic, "vic-password-12");
        }

        var rows = await AuditRowsAsync(null, vic);
        Assert.Equal(
            [("user.lock", "locked"), ("user.unlock", "active")],
            rows.Where(r => r.Action != "user.create").Select(r => (r.Action, r.NewValue!)));
        Assert.Equal(["active", "locked"], rows.Where(r => r.Action != "user.create").Select(r => r.OldValue!));
    }

    [Fact]
    public async Task ResetPassword_ChecksIdentitysPolicy_EndsSessions_AndNeverAuditsThePassword()
    {
        const string secret = "the-new-secret-password";
        var pat = await desk.CreateUserAsync("pat", "pat-password-12", DeskRoles.Trader);
        var before = (await desk.FindAsync(pat))!;
        var admin = await desk.PrincipalAsync("admin");

        var weak = await Admin.ResetPasswordAsync(admin, before.Id, "tiny");
        var reset = await Admin.ResetPasswordAsync(admin, before.Id, secret);

        Assert.Equal((UserChangeOutcome.Invalid, "Passwords must be at least 10 characters.", "password"), (weak.Outcome, weak.Error, weak.Field));
        Assert.Equal(UserChangeOutcome.Done, reset.Outcome);
        var after = (await desk.FindAsync(pat))!;
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        await using (var scope = desk.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().CheckPasswordAsync(after, secret));
        }

        var audit = await AuditAsync("user.password", pat);
        Assert.Equal(("admin", $"{pat} password reset; signed-in sessions end", null, null), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
        await AssertNoSecretInTheAuditAsync(secret);
        await AssertNoSecretInTheAuditAsync("pat-password-12");
    }

    [Fact]
    public async Task Delete_RemovesTheUserAndRevokesItsTokens_AndIsAudited()
    {
        var dan = await desk.CreateUserAsync("dan", "dan-password-12", DeskRoles.Trader);
        var id = (await desk.FindAsync(dan))!.Id;
        var admin = await desk.PrincipalAsync("admin");
        var tokens = desk.Services.GetRequiredService<ApiTokenAdmin>();
        var first = (await tokens.CreateAsync(admin, id, "one")).Token!;
        await tokens.CreateAsync(admin, id, "two");

        var deleted = await Admin.DeleteAsync(admin, id);
        var again = await Admin.DeleteAsync(admin, id);

        Assert.Equal(UserChangeOutcome.Done, deleted.Outcome);
        Assert.Equal(UserChangeOutcome.NotFound, again.Outcome);
        Assert.Null(await desk.FindAsync(dan));
        Assert.DoesNotContain(await Admin.ListAsync(), u => u.Id == id);
        await using (var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync())
        {
            Assert.False(await context.ApiTokens.AnyAsync(t => t.UserId == id));
        }

        using var client = desk.Client(first.Token);
        using var response = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var audit = await AuditAsync("user.delete", dan);
        Assert.Equal(("admin", $"{dan} deleted (trader); 2 API tokens revoked", "trader", null), (audit.Actor, audit.Details, audit.OldValue, audit.NewValue));
    }

    /// <summary>Demotes every other admin, so <c>admin</c> is the only one.</summary>
    private async Task MakeAdminTheOnlyActiveAdminAsync()
    {
        var admin = await desk.PrincipalAsync("admin");
        foreach (var other in (await Admin.ListAsync()).Where(u => u.Role == DeskRoles.Admin && u.UserName != "admin"))
        {
            Assert.True((await Admin.ChangeRoleAsync(admin, other.Id, DeskRoles.Viewer)).Succeeded);
        }
    }

    private async Task<AuditEntryEntity> AuditAsync(string action, string userName) => Assert.Single(await AuditRowsAsync(action, userName));

    private async Task<List<AuditEntryEntity>> AuditRowsAsync(string? action, string userName)
    {
        await using var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        var rows = await context.Audit.AsNoTracking().Where(a => a.Action.StartsWith("user.")).ToListAsync();
        return [.. rows.Where(a => (action is null || a.Action == action) && a.Details.StartsWith(userName + " ", StringComparison.Ordinal)).OrderBy(a => a.At)];
    }

    private async Task AssertNoSecretInTheAuditAsync(string secret)
    {
        await using var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        var rows = await context.Audit.AsNoTracking().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain(secret, $"{r.Actor} {r.Action} {r.Details} {r.OldValue} {r.NewValue}", StringComparison.Ordinal));
    }
}
