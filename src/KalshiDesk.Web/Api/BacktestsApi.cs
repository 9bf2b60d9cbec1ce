using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting.Cli;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KalshiDesk.Web.Api;

/// <summary>
/// <c>/api/backtests</c>: start a replay of a sample recording through the live decision path (trader), follow it and
/// read its summary (viewer), cancel it (trader). Runs are kept in memory, the latest ten.
/// </summary>
public static class BacktestsApi
{
    public static void MapBacktestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/backtests").WithTags("Backtests");
        group.MapGet("/", List).RequireAuthorization(DeskPolicies.Viewer).WithName("ListBacktests");
        group.MapGet("/samples", Samples).RequireAuthorization(DeskPolicies.Viewer).WithName("ListBacktestSamples");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(DeskPolicies.Viewer).WithName("GetBacktest");
        group.MapPost("/", Start).RequireAuthorization(DeskPolicies.Trader).WithName("StartBacktest");
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(DeskPolicies.Trader).WithName("CancelBacktest");
    }

    private static Ok<BacktestRunView[]> List(BacktestRuns runs) =>
        TypedResults.Ok(runs.List().Select(BacktestRunView.Of).ToArray());

    private static Ok<IReadOnlyList<BacktestSample>> Samples(BacktestSamples samples) => TypedResults.Ok(samples.List());

    private static Results<Ok<BacktestRunView>, ProblemHttpResult> Get(Guid id, BacktestRuns runs) =>
        runs.Find(id) is { } run ? TypedResults.Ok(BacktestRunView.Of(run)) : NotKept(id);

    private static Results<Ok<BacktestRunView>, ProblemHttpResult> Cancel(Guid id, BacktestRuns runs) =>
        runs.Cancel(id) is { } run ? TypedResults.Ok(BacktestRunView.Of(run)) : NotKept(id);

    private static async Task<Results<Accepted<BacktestRunView>, ValidationProblem, ProblemHttpResult>> Start(
        BacktestRunRequest? body, BacktestSamples samples, BacktestRuns runs, HttpContext http)
    {
        if (body is null)
        {
            return Refuse("sample", "a body is required: {\"sample\": \"settled-sample.csv\", \"preset\": \"balanced\", \"cash\": 1000}.");
        }

        var preset = RiskPresets.Balanced;
        if (body.Preset is { } name && !RiskPresets.TryGet(name, out preset))
        {
            return Refuse("preset", $"preset '{name}' is not one of conservative, balanced, aggressive.");
        }

        if (!BacktestDates.TryParse(body.From, endOfDay: false, out var from))
        {
            return Refuse("from", $"from '{body.From}' is not a date (2026-11-01) or an ISO 8601 time.");
        }

        if (!BacktestDates.TryParse(body.To, endOfDay: true, out var to))
        {
            return Refuse("to", $"to '{body.To}' is not a date (2026-11-30) or an ISO 8601 time.");
        }

        var path = samples.Resolve(body.Sample, out var found, out var problem);
        if (path is null)
        {
            return Refuse("sample", problem!);
        }

        var request = new BacktestRequest(body.Sample!.Trim(), preset, from, to, body.Cash ?? new BacktestOptions().StartingCash);
        if (request.Problem() is { } bad)
        {
            return Refuse(bad.Field, bad.Message);
        }

        if (!found)
        {
            return TypedResults.Problem(
                $"There is no sample '{body.Sample}' in the samples folder; GET /api/backtests/samples lists them.", statusCode: StatusCodes.Status404NotFound, title: "Unknown sample");
        }

        BacktestData data;
        try
        {
            // A big recording takes a while to read: off the request's thread.
            data = await Task.Run(() => BacktestRecording.Load(path)).ConfigureAwait(false);
        }
        catch (ForecastInputException ex)
        {
            return Refuse("sample", ex.Message.Replace(samples.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
        }

        var start = runs.Start(data, request, http.User.Identity?.Name ?? "unknown");
        if (start.Run is not { } run)
        {
            return TypedResults.Problem(start.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Backtest not started");
        }

        return TypedResults.Accepted($"/api/backtests/{run.Id}", BacktestRunView.Of(run));
    }

    private static ProblemHttpResult NotKept(Guid id) =>
        TypedResults.Problem($"No backtest {id} is kept: the desk keeps the latest runs in memory until it restarts.", statusCode: StatusCodes.Status404NotFound, title: "Unknown backtest");

    private static ValidationProblem Refuse(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: $"Invalid {field}");
}
