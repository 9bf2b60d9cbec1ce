using System.Net;
using KalshiDesk.Sandbox.Auth;
using KalshiDesk.Sandbox.RateLimiting;
using KalshiDesk.Sandbox.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KalshiDesk.Sandbox;

/// <summary>
/// The Sandbox on loopback: Kestrel on 127.0.0.1 serving Kalshi's REST and WebSocket APIs over a <see cref="SandboxExchange"/>,
/// whose world moves every <see cref="SandboxOptions.TickInterval"/> on the given clock.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ITimer? _ticker;
    private readonly ILogger _logger;
    private int _ticking;
    private int _stopped;

    private readonly SandboxStreamHub _streams;
    private readonly SandboxKeyRegistry _keys;
    private readonly SandboxRateLimiter _rateLimiter;

    private SandboxServer(WebApplication app, SandboxExchange exchange, SandboxStreamHub streams, SandboxKeyRegistry keys, SandboxRateLimiter rateLimiter, int port, ITimer? ticker, ILogger logger)
    {
        _app = app;
        _streams = streams;
        _keys = keys;
        _rateLimiter = rateLimiter;
        Exchange = exchange;
        _ticker = ticker;
        _logger = logger;
        BaseUrl = new Uri($"http://127.0.0.1:{port}{SandboxEndpoints.BasePath}/");
        WebSocketUrl = new Uri($"ws://127.0.0.1:{port}{StreamEndpoint.Path}");
    }

    /// <summary>The REST root, with a trailing slash: <c>http://127.0.0.1:41234/trade-api/v2/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Kalshi's WebSocket API: <c>ws://127.0.0.1:41234/trade-api/ws/v2</c>.</summary>
    public Uri WebSocketUrl { get; }

    public SandboxExchange Exchange { get; }

    /// <summary>The demo account's API key: sign requests with it (<c>Kalshi:KeyId</c> and <c>Kalshi:PrivateKey</c> or <c>Kalshi:PrivateKeyPath</c>).</summary>
    public SandboxDemoKey DemoKey => _keys.DemoKey;

    /// <summary>Every API key id the Sandbox accepts: the demo key's and <see cref="SandboxOptions.KeyId"/>.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.KeyIds;

    /// <summary>Requests answered 429 so far (tests).</summary>
    internal long RateLimited => _rateLimiter.Refused;

    /// <summary>The exchange's clock, which signature timestamps are checked against (tests sign on it).</summary>
    internal TimeProvider Time => _app.Services.GetRequiredService<TimeProvider>();

    /// <summary>The WebSocket API's subscriptions (tests).</summary>
    internal SandboxStreamHub Streams => _streams;

    /// <summary>Builds the world and starts serving it; bad options throw <see cref="ArgumentException"/> naming the setting.</summary>
    public static Task<SandboxServer> StartAsync(SandboxOptions options, TimeProvider? time = null, CancellationToken ct = default) =>
        StartAsync(options, time, new SandboxStreamOptions(), ct);

    /// <summary>As <see cref="StartAsync(SandboxOptions, TimeProvider?, CancellationToken)"/>, with the WebSocket API's settings.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, TimeProvider? time, SandboxStreamOptions streamOptions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(streamOptions);
        streamOptions.Validate();
        time ??= TimeProvider.System;
        var exchange = new SandboxExchange(options, time);
        var keys = SandboxKeyRegistry.Create(options);
        var rateLimiter = new SandboxRateLimiter(options.RateLimits);

        // An empty builder: the Sandbox runs inside other apps and must not pick up their configuration or URLs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(exchange);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(new KalshiSignatureVerifier(keys, time, options.SignatureWindow));
        builder.Services.AddSingleton(rateLimiter);
        builder.Services.AddSingleton(services => new SandboxStreamHub(exchange, streamOptions, services.GetRequiredService<ILoggerFactory>().CreateLogger<SandboxStreamHub>()));
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseRouting();

        // After routing, so each knows the endpoint: the signature first (401), then the caller's buckets (429).
        app.UseMiddleware<KalshiSignatureMiddleware>();
        app.UseMiddleware<SandboxRateLimitMiddleware>();
        app.UseWebSockets();
        app.MapSandboxApi();

        // Built now, not at the first upgrade, so it follows the world from the start.
        var streams = app.Services.GetRequiredService<SandboxStreamHub>();
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            keys.Dispose();
            rateLimiter.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SandboxServer>();
        SandboxServer? server = null;
        var ticker = options.TickInterval > TimeSpan.Zero
            ? time.CreateTimer(_ => server?.TickOnSchedule(), null, options.TickInterval, options.TickInterval)
            : null;
        server = new SandboxServer(app, exchange, streams, keys, rateLimiter, new Uri(address).Port, ticker, logger);
        return server;
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        if (_ticker is not null)
        {
            await _ticker.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync(ct).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _streams.Dispose();
        _keys.Dispose();
        _rateLimiter.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void TickOnSchedule()
    {
        // A slow tick (a very large world) is not stacked up behind: the next one is simply skipped.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            Exchange.Tick();
        }
        catch (Exception ex)
        {
            // A timer callback that throws would take the whole process down; the world just stays where it is.
            SandboxLog.TickFailed(_logger, ex);
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }
}
