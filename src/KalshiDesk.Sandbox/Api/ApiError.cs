using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace KalshiDesk.Sandbox.Api;

/// <summary>A refusal as Kalshi sends it: an HTTP status and <c>{"error":{"code","message"}}</c>; <paramref name="Field"/> names the bad input.</summary>
internal sealed record ApiError(int Status, string Code, string Message, string? Field = null)
{
    public static ApiError NotFound(string what) => new(StatusCodes.Status404NotFound, "not_found", $"{what} not found");

    public static ApiError InvalidParameter(string field, string message) => new(StatusCodes.Status400BadRequest, "invalid_parameters", $"{field}: {message}", field);

    public IResult ToResult() => TypedResults.Json(new { error = new ErrorJson(Code, Message, Field) }, SandboxJson.Options, statusCode: Status);
}
