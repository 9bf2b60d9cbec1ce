using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using KalshiDesk.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>
/// The whole app as <see cref="DeskApp"/> starts it, on its own SQLite file, with signed-in sessions checked against the
/// database at every request (the desk checks every minute), so a lock or a role change shows on the very next request.
/// Signs people in through the real sign-in form.
/// </summary>
public class AuthDeskApp : IAsyncLifetime
{
    public const string AdminPassword = "auth-admin-password";
    public const string AdminToken = "auth-token-0123456789abcdef";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kalshidesk-auth-");

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    /// <summary>How often a cookie is checked against the user as stored; null keeps the desk's minute.</summary>
    protected virtual TimeSpan? SessionCheckInterval => TimeSpan.Zero;

    /// <summary>How long a cookie lasts without a request; null keeps the desk's 12 hours.</summary>
    protected virtual TimeSpan? SessionLifetime => null;

    /// <summary>The clock the sign-in cookie is issued, renewed and checked by; null keeps the system's.</summary>
    protected virtual TimeProvider? SessionClock => null;

    public async Task InitializeAsync()
    {
        App = await KalshiDeskHost.BuildAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--ConnectionStrings:KalshiDesk=Data Source={Path.Combine(_directory.FullName, "desk.db")}",
                $"--KALSHIDESK_ADMIN_PASSWORD={AdminPassword}",
                $"--KALSHIDESK_API_TOKEN={AdminToken}",
                "--Logging:LogLevel:Default=Warning",
                "--Sandbox:TickInterval=00:00:00",
            ],
            builder =>
            {
                if (SessionCheckInterval is { } interval)
                {
                    builder.Services.PostConfigure<SecurityStampValidatorOptions>(o => o.ValidationInterval = interval);
                }

                if (SessionLifetime is { } lifetime)
                {
                    builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.ExpireTimeSpan = lifetime);
                }

                if (SessionClock is { } clock)
                {
                    builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock);
                }
            });
        await App.StartAsync();
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(true);
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client: it keeps cookies and does not follow redirects.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Posts the sign-in form at <paramref name="loginPath"/> (with its query) and returns the answer: a redirect when signed in.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string userName, string password, string loginPath = "/account/login")
    {
        var page = await browser.GetStringAsync(loginPath);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = HiddenValue(page, "__RequestVerificationToken"),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(loginPath, form);
    }

    /// <summary>Signs <paramref name="browser"/> in, asserting the sign-in succeeded.</summary>
    public static async Task SignInAsync(HttpClient browser, string userName, string password)
    {
        using var response = await PostSignInAsync(browser, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", RedirectPath(browser, response));
    }

    /// <summary>Where a redirect sends the browser: a path and query on this site (an absolute address elsewhere fails the test).</summary>
    public static string RedirectPath(HttpClient browser, HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{response.StatusCode} is no redirect");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal(browser.BaseAddress!.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        return location.PathAndQuery;
    }

    /// <summary>Posts the sign-out form of a signed-in page, as its Sign out button does.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = HiddenValue(page, "__RequestVerificationToken") });
        return await browser.PostAsync("/account/logout", form);
    }

    /// <summary>A principal for the user named <paramref name="userName"/>, as a session carries it.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("no user " + userName);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName)], "test"));
    }

    /// <summary>The stored user named <paramref name="userName"/>, read afresh.</summary>
    public async Task<DeskUser?> FindAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().FindByNameAsync(userName);
    }

    /// <summary>The desk roles <paramref name="userName"/> holds now.</summary>
    public async Task<IList<string>> RolesAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>Makes a user as <c>admin</c> does in Settings; the name gets a unique suffix. Returns the name.</summary>
    public async Task<string> CreateUserAsync(string prefix, string password, string role)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        var result = await Services.GetRequiredService<DeskUserAdmin>().CreateAsync(await PrincipalAsync(AccountSeeder.AdminUser), name, password, role);
        Assert.Equal(UserChangeOutcome.Done, result.Outcome);
        return name;
    }

    private static string HiddenValue(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no hidden {name} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
