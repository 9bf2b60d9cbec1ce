using KalshiDesk.Sandbox;

namespace KalshiDesk.Web.Hosting;

/// <summary><c>kalshidesk sandbox</c>: the built-in exchange alone, for other tools or a second desk to talk to.</summary>
public static class SandboxCommand
{
    public static async Task<int> RunAsync(SandboxOptions options, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
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
            await output.WriteLineAsync($"Sandbox exchange: {server.Exchange.Tickers.Count} markets, seed {options.Seed}").ConfigureAwait(false);
            await output.WriteLineAsync($"REST      {server.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"WebSocket {server.WebSocketUrl}").ConfigureAwait(false);
            await output.WriteLineAsync("Point a desk at it with Kalshi__BaseUrl and Kalshi__WebSocketUrl. Ctrl+C stops it.").ConfigureAwait(false);
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
