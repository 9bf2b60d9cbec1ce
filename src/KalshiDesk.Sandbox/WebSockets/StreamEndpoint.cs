using KalshiDesk.Sandbox.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>
/// <c>GET /trade-api/ws/v2</c>: the WebSocket upgrade, signed like a REST request (<c>timestamp + "GET" + "/trade-api/ws/v2"</c>)
/// with a registered key, or answered 401 before any upgrade.
/// </summary>
internal static class StreamEndpoint
{
    public const string Path = "/trade-api/ws/v2";

    public static IEndpointRouteBuilder MapSandboxStream(this IEndpointRouteBuilder app)
    {
        app.Map(Path, AcceptAsync).WithName("SandboxWebSocket").RequireKalshiSignature();
        return app;
    }

    private static async Task AcceptAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<SandboxStreamHub>() is not { } hub)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(
                new { error = new { code = "bad_request", message = "this endpoint only accepts a WebSocket upgrade", service = "sandbox" } },
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // With a timeout set the server sends Ping frames (not unsolicited Pongs) and drops a client that stops answering.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = hub.Options.PingInterval,
            KeepAliveTimeout = hub.Options.PingTimeout,
        }).ConfigureAwait(false);
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await hub.ServeAsync(socket, context.RequestAborted, stopping).ConfigureAwait(false);
    }
}
