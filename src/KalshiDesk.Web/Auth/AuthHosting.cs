using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KalshiDesk.Web.Auth;

public static class AuthHosting
{
    private const string SmartScheme = "KalshiDesk";

    /// <summary>
    /// How often a signed-in session (cookie or Blazor circuit) is checked against the user as stored: a lock, a role
    /// change, a password reset or a sign-out elsewhere ends it within this time.
    /// </summary>
    public static TimeSpan SessionCheckInterval { get; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a session lasts without a request; each request past half of it renews it.</summary>
    public static TimeSpan SessionLifetime { get; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Identity cookies for people, bearer tokens for scripts. Every page and API route needs sign-in;
    /// the API answers 401/403 instead of redirecting to the sign-in page.
    /// </summary>
    public static void AddDeskAuth(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<DeskUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<DeskDbContext>()
            .AddDefaultTokenProviders();

        // The cookie's user is checked against the database this often (Identity's default is 30 minutes).
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionCheckInterval);

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "kalshidesk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(DeskPolicies.Viewer, p => p.RequireRole(DeskRoles.Viewer, DeskRoles.Trader, DeskRoles.Admin))
            .AddPolicy(DeskPolicies.Trader, p => p.RequireRole(DeskRoles.Trader, DeskRoles.Admin))
            .AddPolicy(DeskPolicies.Admin, p => p.RequireRole(DeskRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, DeskAuthenticationStateProvider>();
        builder.Services.AddTransient<AccountSeeder>();
        builder.Services.AddSingleton<DeskUserAdmin>();
        builder.Services.AddSingleton<ApiTokenAdmin>();
    }

    /// <summary>The desk's Identity rules: passwords of 10 characters or more, with no composition rules (NIST SP 800-63B).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 10;
        options.User.RequireUniqueEmail = false;
    }

    public static async Task SeedAccountsAsync(this WebApplication app)
    {
        // UserManager and RoleManager are scoped.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync().ConfigureAwait(false);
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
