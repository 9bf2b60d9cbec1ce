using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>API tokens made in Settings (or through <c>/api/tokens</c>), used over real HTTP: they act as their user with the user's role of the moment.</summary>
public sealed class ApiTokenTests(AuthDeskApp desk) : IClassFixture<AuthDeskApp>
{
    private ApiTokenAdmin Tokens => desk.Services.GetRequiredService<ApiTokenAdmin>();

    private DeskUserAdmin Users => desk.Services.GetRequiredService<DeskUserAdmin>();

    [Fact]
    public async Task Token_AuthenticatesAsItsUser_UntilRevoked_ThenGets401()
    {
        var tess = await desk.CreateUserAsync("tess", "tess-password-1", DeskRoles.Trader);
        var made = await Tokens.CreateAsync(await desk.PrincipalAsync("admin"), (await desk.FindAsync(tess))!.Id, "tess's script");
        var token = made.Token!;
        using var client = desk.Client(token.Token);

        using (var status = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        // A trader may approve: an unknown proposal is a 404, not a 403.
        using (var approve = await client.PostAsync($"/api/proposals/{Guid.NewGuid()}/approve", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        }

        Assert.Equal((tess, "tess's script"), (token.UserName, token.Name));
        var listed = Assert.Single(await Tokens.ListAsync(await desk.PrincipalAsync("admin")), t => t.Id == token.Id);
        Assert.Equal((tess, "tess's script"), (listed.UserName, listed.Name));

        Assert.Equal(UserChangeOutcome.Done, (await Tokens.RevokeAsync(await desk.PrincipalAsync("admin"), token.Id)).Outcome);

        using (var revoked = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        Assert.Equal(UserChangeOutcome.NotFound, (await Tokens.RevokeAsync(await desk.PrincipalAsync("admin"), token.Id)).Outcome);
        await AssertTheAuditNamesTheTokenButNeverItsTextAsync(token);
    }

    [Fact]
    public async Task Token_FollowsItsUsersRole_ADemotedTraderGets403OnApprove()
    {
        var tom = await desk.CreateUserAsync("tom", "tom-password-12", DeskRoles.Trader);
        var id = (await desk.FindAsync(tom))!.Id;
        var token = (await Tokens.CreateAsync(await desk.PrincipalAsync("admin"), id, "bot")).Token!;
        using var client = desk.Client(token.Token);
        var proposal = $"/api/proposals/{Guid.NewGuid()}/approve";

        using (var asTrader = await client.PostAsync(proposal, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, asTrader.StatusCode);
        }

        Assert.Equal(UserChangeOutcome.Done, (await Users.ChangeRoleAsync(await desk.PrincipalAsync("admin"), id, DeskRoles.Viewer)).Outcome);

        using (var asViewer = await client.PostAsync(proposal, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        }

        using (var read = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(UserChangeOutcome.Done, (await Users.ChangeRoleAsync(await desk.PrincipalAsync("admin"), id, DeskRoles.Admin)).Outcome);
        using (var adminOnly = await client.GetAsync("/api/users"))
        {
            Assert.Equal(HttpStatusCode.OK, adminOnly.StatusCode);
        }
    }

    [Fact]
    public async Task Token_OfALockedUser_Gets401_AndWorksAgainOnceUnlocked()
    {
        var lee = await desk.CreateUserAsync("lee", "lee-password-12", DeskRoles.Viewer);
        var id = (await desk.FindAsync(lee))!.Id;
        var admin = await desk.PrincipalAsync("admin");
        var token = (await Tokens.CreateAsync(admin, id, "reader")).Token!;
        using var client = desk.Client(token.Token);

        await Users.LockAsync(admin, id);
        using (var locked = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        }

        // A locked user gets no new token either.
        var refused = await Tokens.CreateAsync(admin, id, "another");
        Assert.Equal((UserChangeOutcome.Refused, $"{lee} is locked: unlock the user first."), (refused.Outcome, refused.Error));

        await Users.UnlockAsync(admin, id);
        using var unlocked = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task AnyUser_MakesAndRevokesTheirOwnTokens_OnlyAnAdminTouchesOthers()
    {
        var una = await desk.CreateUserAsync("una", "una-password-12", DeskRoles.Viewer);
        var other = await desk.CreateUserAsync("other", "other-password-1", DeskRoles.Viewer);
        var asUna = await desk.PrincipalAsync(una);
        var otherId = (await desk.FindAsync(other))!.Id;
        var adminToken = (await Tokens.CreateAsync(await desk.PrincipalAsync("admin"), otherId, "other's")).Token!;

        var own = await Tokens.CreateAsync(asUna, null, "mine");
        var forOther = await Tokens.CreateAsync(asUna, otherId, "not mine");
        var unnamed = await Tokens.CreateAsync(asUna, null, "  ");
        var twice = await Tokens.CreateAsync(asUna, null, "mine");
        var revokeOthers = await Tokens.RevokeAsync(asUna, adminToken.Id);

        Assert.Equal((UserChangeOutcome.Done, una), (own.Outcome, own.Token!.UserName));
        Assert.Equal((UserChangeOutcome.Forbidden, "Only an admin can make a token for another user."), (forOther.Outcome, forOther.Error));
        Assert.Equal((UserChangeOutcome.Invalid, "name"), (unnamed.Outcome, unnamed.Field));
        Assert.Equal((UserChangeOutcome.Invalid, $"{una} already has a token with that name; choose another."), (twice.Outcome, twice.Error));
        Assert.Equal(UserChangeOutcome.NotFound, revokeOthers.Outcome);
        Assert.Equal(["mine"], (await Tokens.ListAsync(asUna)).Select(t => t.Name));

        // A viewer's own token works as a viewer; revoking it is theirs to do.
        using var client = desk.Client(own.Token.Token);
        using (var status = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        Assert.Equal(UserChangeOutcome.Done, (await Tokens.RevokeAsync(asUna, own.Token.Id)).Outcome);
        using var revoked = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task UsersAndTokensApi_AdminMakesAUserAndAToken_TheTokenWorksUntilDeleted()
    {
        using var api = desk.Client(AuthDeskApp.AdminToken);
        var name = "api-" + Guid.NewGuid().ToString("N")[..6];

        using var weak = await api.PostAsJsonAsync("/api/users", new { userName = name, password = "short", role = "viewer" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal("Passwords must be at least 10 characters.", (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        using var created = await api.PostAsJsonAsync("/api/users", new { userName = name, password = "api-user-password", role = "trader" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((name, "trader", false), (user.GetProperty("userName").GetString(), user.GetProperty("role").GetString(), user.GetProperty("locked").GetBoolean()));
        var users = await api.GetFromJsonAsync<JsonElement[]>("/api/users");
        Assert.Contains(users!, u => u.GetProperty("userName").GetString() == name && u.GetProperty("role").GetString() == "trader");

        using var made = await api.PostAsJsonAsync("/api/tokens", new { name = "from the api", userName = name });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var token = await made.Content.ReadFromJsonAsync<JsonElement>();
        var text = token.GetProperty("token").GetString()!;
        var id = token.GetProperty("id").GetGuid();
        Assert.StartsWith(ApiTokenAdmin.TokenPrefix, text, StringComparison.Ordinal);
        Assert.Equal(name, token.GetProperty("userName").GetString());

        using var noUser = await api.PostAsJsonAsync("/api/tokens", new { name = "x", userName = "nobody-" + Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.NotFound, noUser.StatusCode);

        // Listed by name, never with its text or hash.
        var listing = await api.GetStringAsync("/api/tokens");
        Assert.Contains("from the api", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(text, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokenAuthenticationHandler.Hash(text), listing, StringComparison.Ordinal);

        using var client = desk.Client(text);
        using (var approve = await client.PostAsync($"/api/proposals/{Guid.NewGuid()}/approve", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        }

        // Only admins manage users and tokens.
        using (var forbidden = await client.GetAsync("/api/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var deleted = await api.DeleteAsync($"/api/tokens/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var after = await client.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        using var again = await api.DeleteAsync($"/api/tokens/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task UnknownOrEmptyBearerToken_Gets401()
    {
        using var unknown = desk.Client(ApiTokenAdmin.NewToken());
        using var response = await unknown.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertTheAuditNamesTheTokenButNeverItsTextAsync(NewApiToken token)
    {
        await using var context = await desk.Services.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        var rows = await context.Audit.AsNoTracking().Where(a => a.Action.StartsWith("token.")).ToListAsync();
        var mine = rows.Where(r => r.Details.Contains($"'{token.Name}'", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
        Assert.Equal(
            new (string, string, string?, string?)[]
            {
                ("token.create", $"API token '{token.Name}' for {token.UserName}", null, token.Name),
                ("token.revoke", $"API token '{token.Name}' of {token.UserName} revoked", token.Name, null),
            },
            mine.Select(r => (r.Action, r.Details, r.OldValue, r.NewValue)));
        Assert.All(mine, r => Assert.Equal("admin", r.Actor));
        var hash = ApiTokenAuthenticationHandler.Hash(token.Token);
        Assert.All(rows, r =>
        {
            var all = $"{r.Details} {r.OldValue} {r.NewValue}";
            Assert.DoesNotContain(token.Token, all, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, all, StringComparison.Ordinal);
        });
    }
}
