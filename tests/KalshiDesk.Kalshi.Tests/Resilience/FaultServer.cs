using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Kalshi.Tests.Resilience;

/// <summary>A real HTTP server on loopback that answers each request with the next scripted fault or reply.</summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _steps = new();
    private Func<HttpContext, Task> _last = Reply(200, "{}");
    private int _requests;

    private FaultServer(WebApplication app) => _app = app;

    public int Requests => _requests;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FaultServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FaultServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server._requests);
            var step = server._steps.TryDequeue(out var next) ? next : server._last;
            await step(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/trade-api/v2/");
        return server;
    }

    /// <summary>Scripts the next answers; the last one repeats.</summary>
    public FaultServer Then(params Func<HttpContext, Task>[] steps)
    {
        foreach (var step in steps)
        {
            _steps.Enqueue(step);
            _last = step;
        }

        return this;
    }

    public static Func<HttpContext, Task> Reply(int status, string body) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    /// <summary>The connection is dropped before any answer.</summary>
    public static Func<HttpContext, Task> Reset() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>A 200 whose body stops half way and whose connection then drops.</summary>
    public static Func<HttpContext, Task> Truncated(string body) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Encoding.UTF8.GetByteCount(body);
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body[..(body.Length / 2)]));
        await context.Response.Body.FlushAsync();

        // The client has the status line and headers before the connection drops: the cut is in the body.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        context.Abort();
    };

    /// <summary>A 200 whose headers and first half arrive, and then nothing until the client gives up.</summary>
    public static Func<HttpContext, Task> StalledBody(string body) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Encoding.UTF8.GetByteCount(body);
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body[..(body.Length / 2)]));
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and went away.
        }
    };

    /// <summary>No answer until the client gives up.</summary>
    public static Func<HttpContext, Task> Hang() => async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and went away.
        }
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
