using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace KalshiDesk.Web.Hosting;

public static class AccountEndpoints
{
    /// <summary>
    /// <c>POST /account/logout</c> (form with antiforgery token): signs out and returns to the sign-in page. The user's
    /// security stamp is renewed first, so every other session of theirs (another tab's circuit, another browser) ends
    /// at its next check too.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<DeskUser> signIn) =>
            {
                if (await signIn.UserManager.GetUserAsync(http.User).ConfigureAwait(false) is { } user)
                {
                    await signIn.UserManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
                }

                await signIn.SignOutAsync().ConfigureAwait(false);
                return TypedResults.LocalRedirect("/account/login");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("Logout")
            .WithTags("Account");
}
