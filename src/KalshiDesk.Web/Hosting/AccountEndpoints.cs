using KalshiDesk.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace KalshiDesk.Web.Hosting;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c> (form with antiforgery token): signs out and returns to the sign-in page.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<DeskUser> signIn) =>
            {
                await signIn.SignOutAsync().ConfigureAwait(false);
                return TypedResults.LocalRedirect("/account/login");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithName("Logout")
            .WithTags("Account");
}
