using KalshiDesk.Engine.Risk;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>/api/risk</c>: the trading state, limits and breaker (viewer); the preset switch (trader); overrides, the kill
/// switch and resume (admin). Every change is audited with who made it.
/// </summary>
public static class RiskApi
{
    public static void MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/risk").WithTags("Risk");
        group.MapGet("/", Get).RequireAuthorization(DeskPolicies.Viewer).WithName("GetRisk");
        group.MapPut("/preset", SwitchPreset).RequireAuthorization(DeskPolicies.Trader).WithName("SwitchRiskPreset");
        group.MapPut("/overrides/{limit}", SetOverride).RequireAuthorization(DeskPolicies.Admin).WithName("SetRiskOverride");
        group.MapDelete("/overrides/{limit}", ClearOverride).RequireAuthorization(DeskPolicies.Admin).WithName("ClearRiskOverride");
        group.MapPost("/kill", Kill).RequireAuthorization(DeskPolicies.Admin).WithName("PullKillSwitch");
        group.MapPost("/resume", Resume).RequireAuthorization(DeskPolicies.Admin).WithName("ResumeTrading");
    }

    private static async Task<Ok<RiskReport>> Get(RiskReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ReadAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> SwitchPreset(RiskPresetRequest? body, RiskSettings settings, RiskReader reader, HttpContext http, CancellationToken ct)
    {
        var result = await settings.SwitchPresetAsync(body?.Preset, Actor(http), ct).ConfigureAwait(false);
        return await AnswerAsync(result, reader, "Invalid preset", ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> SetOverride(string limit, RiskOverrideRequest? body, RiskSettings settings, RiskReader reader, HttpContext http, CancellationToken ct)
    {
        if (body?.Value is not { } value)
        {
            return TypedResults.Problem("An override needs a value: {\"value\": 0.05}, in the limit's unit.", statusCode: StatusCodes.Status400BadRequest, title: "Value required");
        }

        var result = await settings.SetOverrideAsync(limit, value, Actor(http), ct).ConfigureAwait(false);
        return await AnswerAsync(result, reader, "Invalid override", ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> ClearOverride(string limit, RiskSettings settings, RiskReader reader, HttpContext http, CancellationToken ct)
    {
        var result = await settings.ClearOverrideAsync(limit, Actor(http), ct).ConfigureAwait(false);
        return await AnswerAsync(result, reader, "Invalid override", ct).ConfigureAwait(false);
    }

    private static async Task<Ok<RiskKillResponse>> Kill(RiskKillRequest? body, KillSwitch killSwitch, RiskReader reader, HttpContext http, CancellationToken ct)
    {
        var report = await killSwitch.PullAsync(Actor(http), body?.Flatten ?? false, ct).ConfigureAwait(false);
        return TypedResults.Ok(new RiskKillResponse(report, await reader.ReadAsync(ct).ConfigureAwait(false)));
    }

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> Resume(RiskMonitor monitor, RiskReader reader, HttpContext http, CancellationToken ct)
    {
        var (_, refusal) = await monitor.ResumeAsync(Actor(http), ct).ConfigureAwait(false);
        return refusal is not null
            ? TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Not halted")
            : TypedResults.Ok(await reader.ReadAsync(ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> AnswerAsync(RiskSettingResult result, RiskReader reader, string title, CancellationToken ct) =>
        result.Succeeded
            ? TypedResults.Ok(await reader.ReadAsync(ct).ConfigureAwait(false))
            : TypedResults.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest, title: title);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
