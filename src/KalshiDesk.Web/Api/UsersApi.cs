using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace KalshiDesk.Web.Api;

/// <summary>
/// Users and API tokens, for admins: <c>GET</c>/<c>POST /api/users</c>, <c>GET</c>/<c>POST /api/tokens</c> and
/// <c>DELETE /api/tokens/{id}</c>, over <see cref="DeskUserAdmin"/> and <see cref="ApiTokenAdmin"/> (the same rules and
/// audit as Settings). A refusal is a problem: 400 for bad input, 404 for an unknown user or token, 409 for a rule.
/// </summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(DeskPolicies.Admin);
        users.MapGet("/", ListUsers).WithName("ListUsers");
        users.MapPost("/", CreateUser).WithName("CreateUser");

        var tokens = app.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(DeskPolicies.Admin);
        tokens.MapGet("/", ListTokens).WithName("ListTokens");
        tokens.MapPost("/", CreateToken).WithName("CreateToken");
        tokens.MapDelete("/{id:guid}", RevokeToken).WithName("RevokeToken");
    }

    private static async Task<Ok<IReadOnlyList<DeskUserView>>> ListUsers(DeskUserAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Created<DeskUserView>, ProblemHttpResult>> CreateUser(UsersCreateRequest? body, DeskUserAdmin admin, HttpContext http)
    {
        var result = await admin.CreateAsync(http.User, body?.UserName, body?.Password, body?.Role).ConfigureAwait(false);
        return result.User is { } user
            ? TypedResults.Created((string?)null, user)
            : Problem(result, "User not created");
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenView>>> ListTokens(ApiTokenAdmin tokens, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(http.User, ct).ConfigureAwait(false));

    private static async Task<Results<Created<NewApiToken>, ProblemHttpResult>> CreateToken(TokensCreateRequest? body, ApiTokenAdmin tokens, UserManager<DeskUser> users, HttpContext http)
    {
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(body?.UserName))
        {
            if (await users.FindByNameAsync(body.UserName.Trim()).ConfigureAwait(false) is not { } owner)
            {
                return TypedResults.Problem("No user has that name.", statusCode: StatusCodes.Status404NotFound, title: "Token not created");
            }

            userId = owner.Id;
        }

        var result = await tokens.CreateAsync(http.User, userId, body?.Name).ConfigureAwait(false);
        return result.Token is { } token
            ? TypedResults.Created((string?)null, token)
            : Problem(result, "Token not created");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(Guid id, ApiTokenAdmin tokens, HttpContext http)
    {
        var result = await tokens.RevokeAsync(http.User, id).ConfigureAwait(false);
        return result.Succeeded ? TypedResults.NoContent() : Problem(result, "Token not revoked");
    }

    private static ProblemHttpResult Problem(UserChangeResult result, string title) =>
        TypedResults.Problem(result.Error, title: title, statusCode: result.Outcome switch
        {
            UserChangeOutcome.Invalid => StatusCodes.Status400BadRequest,
            UserChangeOutcome.NotFound => StatusCodes.Status404NotFound,
            UserChangeOutcome.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        });
}
