using KalshiDesk.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KalshiDesk.Sandbox.Api;

/// <summary><c>/exchange</c>: the Sandbox is always open.</summary>
internal static class ExchangeApi
{
    public static RouteGroupBuilder MapExchangeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exchange/status", GetStatus).WithName("SandboxGetExchangeStatus").WithTags("exchange");
        return api;
    }

    private static IResult GetStatus() => TypedResults.Json(
        new { exchange_active = true, trading_active = true, exchange_estimated_resume_time = (string?)null },
        SandboxJson.Options);
}
