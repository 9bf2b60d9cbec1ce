using KalshiDesk.Data;
using KalshiDesk.Kalshi;
using KalshiDesk.Sandbox;

namespace KalshiDesk.Web.Hosting;

public static class SandboxHosting
{
    /// <summary>
    /// With <c>Kalshi:Environment=Sandbox</c> and no <c>Kalshi:BaseUrl</c>, starts the built-in exchange on loopback
    /// and points the client at it: the desk then talks the real Kalshi wire protocol, offline. The desk signs with the
    /// Sandbox's demo key (<c>Kalshi:KeyId</c> and <c>Kalshi:PrivateKey</c>) unless it has a key of its own, which the
    /// Sandbox is then told to accept.
    /// </summary>
    public static async Task AddEmbeddedSandboxAsync(this WebApplicationBuilder builder)
    {
        var environment = builder.Configuration.GetValue($"{KalshiOptions.Section}:Environment", KalshiEnvironment.Sandbox);
        if (environment != KalshiEnvironment.Sandbox || !string.IsNullOrEmpty(builder.Configuration[$"{KalshiOptions.Section}:BaseUrl"]))
        {
            return;
        }

        var options = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        SandboxKeys.AcceptDeskKey(options, builder.Configuration);
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("Sandbox:", StringComparison.Ordinal))
        {
            var key = ex.Message[..ex.Message.IndexOf(':', "Sandbox:".Length)];
            throw new DeskConfigurationException(key, "is invalid: " + ex.Message[(key.Length + 1)..].Trim() + " Fix it in appsettings.json or the environment (Sandbox__...).");
        }
        builder.Configuration[$"{KalshiOptions.Section}:BaseUrl"] = server.BaseUrl.AbsoluteUri;
        builder.Configuration[$"{KalshiOptions.Section}:WebSocketUrl"] = server.WebSocketUrl.AbsoluteUri;
        SandboxKeys.UseDemoKeyUnlessOwn(builder.Configuration, server);
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<EmbeddedSandboxLifetime>();
    }
}
