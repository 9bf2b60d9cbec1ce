using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Kalshi.Tests.WebSockets;

/// <summary>
/// Kestrel on 127.0.0.1 (port 0) answering the WebSocket upgrade at /trade-api/ws/v2; the test plays Kalshi's side:
/// it reads the client's commands and writes Kalshi's messages on each accepted connection.
/// </summary>
public sealed class ScriptedKalshiServer : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly Channel<ScriptedConnection> _accepted = Channel.CreateUnbounded<ScriptedConnection>();
    private readonly ConcurrentQueue<UpgradeRequest> _upgrades = new();

    private ScriptedKalshiServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The auth headers of every upgrade, in order.</summary>
    public IReadOnlyList<UpgradeRequest> Upgrades => [.. _upgrades];

    public static async Task<ScriptedKalshiServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new ScriptedKalshiServer(app);
        app.UseWebSockets();
        app.Run(server.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/trade-api/ws/v2");
        return server;
    }

    /// <summary>The next connection the client opens.</summary>
    public async Task<ScriptedConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await _accepted.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _accepted.Writer.TryComplete();
        while (_accepted.Reader.TryRead(out var connection))
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (context.Request.Path != "/trade-api/ws/v2" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        _upgrades.Enqueue(new UpgradeRequest(
            context.Request.Headers["KALSHI-ACCESS-KEY"].ToString(),
            context.Request.Headers["KALSHI-ACCESS-TIMESTAMP"].ToString(),
            context.Request.Headers["KALSHI-ACCESS-SIGNATURE"].ToString()));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ScriptedConnection(socket);
        await _accepted.Writer.WriteAsync(connection);
        await connection.ReceiveUntilClosedAsync(context.RequestAborted);
    }
}
