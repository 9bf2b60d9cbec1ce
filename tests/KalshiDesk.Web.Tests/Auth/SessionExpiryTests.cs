using System.Net;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>A session's lifetime: renewed by use (sliding), and once it lapses the next page load goes to sign-in and back.</summary>
public sealed class SessionExpiryTests(ShortSessionDeskApp desk) : IClassFixture<ShortSessionDeskApp>
{
    [Fact]
    public async Task UsedSessionSlides_IdleSessionExpires_SignInReturnsToThePage()
    {
        using var browser = desk.Browser();
        await AuthDeskApp.SignInAsync(browser, "admin", AuthDeskApp.AdminPassword);

        // Used past half its lifetime, the session is renewed: it outlives its first six seconds.
        desk.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(browser, "/portfolio"));
        desk.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(browser, "/portfolio"));

        // Left idle longer than its lifetime, it lapses.
        desk.Clock.Advance(ShortSessionDeskApp.Lifetime + TimeSpan.FromSeconds(2));
        using var expired = await browser.GetAsync("/portfolio");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        var login = AuthDeskApp.RedirectPath(browser, expired);
        Assert.Equal("/account/login?ReturnUrl=%2Fportfolio", login);
        using (var api = await browser.GetAsync("/api/status"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        using var signedIn = await AuthDeskApp.PostSignInAsync(browser, "admin", AuthDeskApp.AdminPassword, login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/portfolio", AuthDeskApp.RedirectPath(browser, signedIn));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(browser, "/portfolio"));
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        return response.StatusCode;
    }
}
