using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>A restart's seeding leaves roles to the admins, restores an admin only when none remains, and does not bring back a deleted <c>admin</c>.</summary>
public sealed class AccountSeederTests(AuthDeskApp desk) : IClassFixture<AuthDeskApp>
{
    [Fact]
    public async Task Restart_KeepsRoleChanges_RestoresAnAdminWhenNoneRemains_AndDoesNotRecreateADeletedAdmin()
    {
        var ann = await desk.CreateUserAsync("ann", "ann-password-12", DeskRoles.Admin);
        var adminId = (await desk.FindAsync("admin"))!.Id;
        var asAnn = await desk.PrincipalAsync(ann);
        Assert.Equal(UserChangeOutcome.Done, (await desk.Services.GetRequiredService<DeskUserAdmin>().ChangeRoleAsync(asAnn, adminId, DeskRoles.Viewer)).Outcome);

        await SeedAsync();
        Assert.Equal(["viewer"], await desk.RolesAsync("admin"));

        // Ann is locked behind the rules' back: no unlocked admin remains, so the next start makes admin one again.
        await ChangeAsync(ann, (users, user) => users.SetLockoutEndDateAsync(user, DeskLockout.Until));
        await ChangeAsync("admin", (users, user) => users.SetLockoutEndDateAsync(user, DeskLockout.Until));
        await SeedAsync();
        Assert.Contains(DeskRoles.Admin, await desk.RolesAsync("admin"));
        Assert.False(DeskLockout.IsLocked((await desk.FindAsync("admin"))!));

        // Deleted while another admin remains, admin stays deleted.
        await ChangeAsync(ann, (users, user) => users.SetLockoutEndDateAsync(user, null));
        await ChangeAsync("admin", (users, user) => users.DeleteAsync(user));
        await SeedAsync();
        Assert.Null(await desk.FindAsync("admin"));
        Assert.Equal([DeskRoles.Admin], await desk.RolesAsync(ann));
    }

    private async Task SeedAsync()
    {
        await using var scope = desk.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
    }

    private async Task ChangeAsync(string userName, Func<UserManager<DeskUser>, DeskUser, Task<IdentityResult>> change)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        Assert.True((await change(users, (await users.FindByNameAsync(userName))!)).Succeeded);
    }
}
