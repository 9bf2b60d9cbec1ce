using KalshiDesk.Engine.Scoring;
using KalshiDesk.Web.Auth;

namespace KalshiDesk.Web.Api;

public static class CalibrationApi
{
    /// <summary>
    /// <c>GET /api/calibration</c>: Brier, log loss, Murphy reliability/resolution/uncertainty and bins of the desk and the
    /// market price, per model, category, horizon and day, and the rolling skill; what the desk learned last.
    /// </summary>
    public static void MapCalibrationApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calibration", (LearnedCalibration learned) => TypedResults.Ok(CalibrationResponse.From(learned.Snapshot)))
            .RequireAuthorization(DeskPolicies.Viewer)
            .WithName("GetCalibration")
            .WithTags("Calibration");
}
