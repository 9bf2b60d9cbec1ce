using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Web.Hosting;

/// <summary>Connects the market stream once the app has started (never holding the start up); DI disposes it at shutdown.</summary>
internal sealed class MarketStreamLifetime(MarketStream stream, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = stream.StartAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
