using KalshiDesk.Sandbox;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk sandbox</c>: the built-in exchange alone, for other tools or a second desk to talk to. Its demo key is kept in
/// the data folder (<c>data/</c> under the working directory, like the desk's database) and printed at start.
/// </summary>
public static class SandboxCommand
{
    /// <summary>The data folder, relative to the working directory: where the desk keeps <c>kalshidesk.db</c>.</summary>
    public const string DefaultDataDirectory = "data";

    public static async Task<int> RunAsync(SandboxOptions options, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(options.KeyId) != string.IsNullOrWhiteSpace(options.PublicKey))
        {
            await errors.WriteLineAsync("kalshidesk sandbox: --key-id and --public-key go together: give both (the key id and its public key, PEM text or a .pem file) or neither.").ConfigureAwait(false);
            return 2;
        }

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(options, ct: ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("Sandbox:", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync($"kalshidesk sandbox: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (IOException ex)
        {
            await errors.WriteLineAsync($"kalshidesk sandbox: cannot listen on port {options.Port} ({ex.Message}); choose another with --port").ConfigureAwait(false);
            return 2;
        }

        await using (server.ConfigureAwait(false))
        {
            await output.WriteLineAsync(options.ReplayPath is { } recording
                ? $"Sandbox exchange: replaying {server.Exchange.Tickers.Count} recorded markets from {recording} at {options.ReplaySpeed.ToString(System.Globalization.CultureInfo.InvariantCulture)}x"
                : $"Sandbox exchange: {server.Exchange.Tickers.Count} markets, seed {options.Seed}").ConfigureAwait(false);
            await output.WriteLineAsync($"REST      {server.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"WebSocket {server.WebSocketUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"Key id    {server.DemoKey.KeyId}").ConfigureAwait(false);
            await output.WriteLineAsync($"Key file  {server.DemoKey.KeyPath ?? "(in memory only)"}").ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(options.KeyId))
            {
                await output.WriteLineAsync($"Also accepts key {options.KeyId.Trim()}").ConfigureAwait(false);
            }

            await output.WriteLineAsync("Point a desk at it with Kalshi__BaseUrl, Kalshi__WebSocketUrl, Kalshi__KeyId and Kalshi__PrivateKeyPath. Ctrl+C stops it.").ConfigureAwait(false);
            await output.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C.
            }
        }

        return 0;
    }
}
