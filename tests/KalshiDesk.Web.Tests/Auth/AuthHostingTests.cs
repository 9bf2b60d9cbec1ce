using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>The desk's session settings as it runs: sessions checked every minute, twelve sliding hours, sign-in with a return address.</summary>
public sealed class AuthHostingTests(DeskApp desk) : IClassFixture<DeskApp>
{
    [Fact]
    public void Sessions_AreCheckedEveryMinute_AndLastTwelveSlidingHours()
    {
        var stamps = desk.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var cookie = desk.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(1), stamps.ValidationInterval);
        Assert.Equal(AuthHosting.SessionCheckInterval, stamps.ValidationInterval);
        Assert.Equal(TimeSpan.FromHours(12), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(("/account/login", "/account/logout", "ReturnUrl"), (cookie.LoginPath.Value, cookie.LogoutPath.Value, cookie.ReturnUrlParameter));
    }
}
