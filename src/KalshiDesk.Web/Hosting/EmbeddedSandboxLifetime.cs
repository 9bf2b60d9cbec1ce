using KalshiDesk.Sandbox;

namespace KalshiDesk.Web.Hosting;

/// <summary>Stops the embedded Sandbox when the app stops.</summary>
internal sealed class EmbeddedSandboxLifetime(SandboxServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}
