using System.Net;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>Signed-in cookie sessions and circuits: a lock, a role change or a sign-out ends them at the next check.</summary>
public sealed class SessionTests(AuthDeskApp desk) : IClassFixture<AuthDeskApp>
{
    private DeskUserAdmin Users => desk.Services.GetRequiredService<DeskUserAdmin>();

    [Fact]
    public async Task Lock_EndsTheSession_ItsNextPageLoadGoesToSignIn_WhichSaysTheAccountIsLocked()
    {
        var lou = await desk.CreateUserAsync("lou", "lou-password-12", DeskRoles.Trader);
        using var browser = desk.Browser();
        await AuthDeskApp.SignInAsync(browser, lou, "lou-password-12");
        using (var before = await browser.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await Users.LockAsync(await desk.PrincipalAsync("admin"), (await desk.FindAsync(lou))!.Id);

        using (var api = await browser.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using (var page = await browser.GetAsync("/portfolio"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/login?ReturnUrl=%2Fportfolio", AuthDeskApp.RedirectPath(browser, page));
        }

        using var again = await AuthDeskApp.PostSignInAsync(browser, lou, "lou-password-12");
        Assert.Contains("This account is locked. Ask an admin to unlock it.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without the password, the sign-in page says no more than for a wrong password.
        using var guess = await AuthDeskApp.PostSignInAsync(desk.Browser(), lou, "not-the-password");
        Assert.DoesNotContain("Ask an admin", await guess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_EndsTheSession_AndTheNextSignInCarriesTheNewRole()
    {
        var ray = await desk.CreateUserAsync("ray", "ray-password-12", DeskRoles.Trader);
        var approve = $"/api/proposals/{Guid.NewGuid()}/approve";
        using var browser = desk.Browser();
        await AuthDeskApp.SignInAsync(browser, ray, "ray-password-12");
        using (var asTrader = await browser.PostAsync(approve, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, asTrader.StatusCode);
        }

        await Users.ChangeRoleAsync(await desk.PrincipalAsync("admin"), (await desk.FindAsync(ray))!.Id, DeskRoles.Viewer);

        using (var ended = await browser.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }

        await AuthDeskApp.SignInAsync(browser, ray, "ray-password-12");
        using var asViewer = await browser.PostAsync(approve, null);
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
    }

    [Fact]
    public async Task SignOut_ReturnsToSignIn_AndEndsTheUsersOtherSessionsToo()
    {
        var sam = await desk.CreateUserAsync("sam", "sam-password-12", DeskRoles.Viewer);
        using var first = desk.Browser();
        using var second = desk.Browser();
        await AuthDeskApp.SignInAsync(first, sam, "sam-password-12");
        await AuthDeskApp.SignInAsync(second, sam, "sam-password-12");

        using (var signedOut = await AuthDeskApp.SignOutAsync(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/account/login", AuthDeskApp.RedirectPath(first, signedOut));
        }

        using (var page = await first.GetAsync("/proposals"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/login?ReturnUrl=%2Fproposals", AuthDeskApp.RedirectPath(first, page));
        }

        using var other = await second.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_FromADeepLink_ReturnsToIt_ButNeverToAnotherSite()
    {
        using var browser = desk.Browser();
        using var deep = await AuthDeskApp.PostSignInAsync(browser, "admin", AuthDeskApp.AdminPassword, "/account/login?ReturnUrl=%2Frisk");
        Assert.Equal(HttpStatusCode.Redirect, deep.StatusCode);
        Assert.Equal("/risk", AuthDeskApp.RedirectPath(browser, deep));

        using var browser2 = desk.Browser();
        using var away = await AuthDeskApp.PostSignInAsync(browser2, "admin", AuthDeskApp.AdminPassword, "/account/login?ReturnUrl=%2F%2Fevil.example%2F");
        Assert.Equal("/", AuthDeskApp.RedirectPath(browser2, away));
    }

    [Fact]
    public async Task CircuitCheck_RefusesThePrincipalOfASignedOutLockedOrDeletedUser()
    {
        var cy = await desk.CreateUserAsync("cy", "cy-password-123", DeskRoles.Trader);
        var id = (await desk.FindAsync(cy))!.Id;
        var admin = await desk.PrincipalAsync("admin");

        var session = await SessionOfAsync(id);
        Assert.True(await IsCurrentAsync(session));

        // A sign-out elsewhere renews the stamp: this session is over.
        await using (var scope = desk.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(id))!);
        }

        Assert.False(await IsCurrentAsync(session));

        session = await SessionOfAsync(id);
        await Users.LockAsync(admin, id);
        Assert.False(await IsCurrentAsync(session));

        await Users.UnlockAsync(admin, id);
        session = await SessionOfAsync(id);
        Assert.True(await IsCurrentAsync(session));
        await Users.DeleteAsync(admin, id);
        Assert.False(await IsCurrentAsync(session));
    }

    [Fact]
    public async Task CircuitsUseTheRevalidatingProvider()
    {
        await using var scope = desk.Services.CreateAsyncScope();

        Assert.IsType<DeskAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Fact]
    public async Task FailedSignIns_LockOutForMinutes_ButDoNotStopTheUsersToken()
    {
        var fay = await desk.CreateUserAsync("fay", "fay-password-12", DeskRoles.Viewer);
        var token = (await desk.Services.GetRequiredService<ApiTokenAdmin>().CreateAsync(await desk.PrincipalAsync("admin"), (await desk.FindAsync(fay))!.Id, "script")).Token!;
        for (var i = 0; i < 10; i++)
        {
            using var browser = desk.Browser();
            using var failed = await AuthDeskApp.PostSignInAsync(browser, fay, "wrong-password-" + i);
        }

        using (var browser = desk.Browser())
        {
            using var lockedOut = await AuthDeskApp.PostSignInAsync(browser, fay, "fay-password-12");
            Assert.Contains("This account is locked for a few minutes after too many failed attempts.", await lockedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var listed = Assert.Single(await Users.ListAsync(), u => u.UserName == fay);
        Assert.False(listed.Locked);
        Assert.NotNull(listed.LockedOutUntil);
        using (var client = desk.Client(token.Token))
        using (var status = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        // An admin's unlock ends the lockout.
        Assert.Equal(UserChangeOutcome.Done, (await Users.UnlockAsync(await desk.PrincipalAsync("admin"), listed.Id)).Outcome);
        using var unlocked = desk.Browser();
        await AuthDeskApp.SignInAsync(unlocked, fay, "fay-password-12");
        using var signedIn = await unlocked.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    /// <summary>The principal a new session of the user gets, as the sign-in makes it.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> SessionOfAsync(string userId)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<DeskUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId))!);
    }

    /// <summary>The circuit's check, in a scope of its own as the provider makes one.</summary>
    private async Task<bool> IsCurrentAsync(System.Security.Claims.ClaimsPrincipal session)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        return await DeskAuthenticationStateProvider.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>(), session);
    }
}
