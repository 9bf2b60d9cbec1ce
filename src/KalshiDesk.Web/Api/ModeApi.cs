using KalshiDesk.Engine.Modes;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>/api/mode</c>: the desk's trading mode (viewer), and the audited switch between paper and live (admin). Going live
/// needs <c>Trading:Mode=Live</c> in configuration (else 409 naming it), <c>"confirm": "LIVE"</c> (else 400) and every
/// precondition passing (else 409 with each check); every refusal names what is missing.
/// </summary>
public static class ModeApi
{
    public static void MapModeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mode").WithTags("Mode");
        group.MapGet("/", Get).RequireAuthorization(DeskPolicies.Viewer).WithName("GetMode");
        group.MapPut("/", Switch).RequireAuthorization(DeskPolicies.Admin).WithName("SwitchMode");
    }

    private static async Task<Ok<ModeResponse>> Get(DeskModeService modes, CancellationToken ct) =>
        TypedResults.Ok(ModeResponse.From(await modes.GetAsync(ct).ConfigureAwait(false), modes.KeyStatus()));

    private static async Task<Results<Ok<ModeResponse>, ProblemHttpResult>> Switch(ModeRequest? body, DeskModeService modes, HttpContext http, CancellationToken ct)
    {
        var actor = http.User.Identity?.Name ?? "unknown";
        DeskModeChange change;
        switch (body?.Mode?.Trim().ToLowerInvariant())
        {
            case "paper":
                change = await modes.GoPaperAsync(actor, ct).ConfigureAwait(false);
                break;
            case "live":
                change = await modes.GoLiveAsync(actor, body.Confirm, ct).ConfigureAwait(false);
                break;
            default:
                return TypedResults.Problem(
                    $"mode must be paper or live: {{\"mode\": \"live\", \"confirm\": \"{DeskModeService.Confirmation}\"}} or {{\"mode\": \"paper\"}}.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid mode");
        }

        return change.Outcome switch
        {
            ModeChangeOutcome.NotConfirmed => TypedResults.Problem(change.Reason, statusCode: StatusCodes.Status400BadRequest, title: "Not confirmed"),
            ModeChangeOutcome.NotReady => TypedResults.Problem(
                change.Reason,
                statusCode: StatusCodes.Status409Conflict,
                title: "Cannot go live",
                extensions: new Dictionary<string, object?> { ["checks"] = change.Checks }),
            _ => TypedResults.Ok(ModeResponse.From(change.State, modes.KeyStatus())),
        };
    }
}
