using System.Globalization;
using System.Text;
using KalshiDesk.Sandbox;
using KalshiDesk.Sandbox.History;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk sandbox</c>: the built-in exchange alone, for other tools or a second desk to talk to. Its demo key is kept in
/// the data folder (<c>data/</c> under the working directory, like the desk's database) and printed at start. With
/// <c>--record FILE</c> it serves nothing: it writes the seeded world's history as a backtest file and exits.
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

    /// <summary>
    /// Writes the seeded world's history to <see cref="SandboxRecordRequest.Path"/> (replacing it) and prints what it wrote.
    /// Exit 0 when written; 2, with one line on <paramref name="errors"/>, for bad arguments or a file that cannot be written.
    /// </summary>
    public static int Record(SandboxRecordRequest request, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrWhiteSpace(request.Replay))
        {
            errors.WriteLine("kalshidesk sandbox: --record records the simulated world; it cannot be combined with --replay.");
            return 2;
        }

        var options = new SandboxHistoryOptions { Seed = request.Seed, Markets = request.Markets, Days = request.Days };
        if (!TryDuration(request.Every, out var every))
        {
            errors.WriteLine($"kalshidesk sandbox: --every '{request.Every}' is not a duration (e.g. 15m, 1h, 1d or 01:00:00).");
            return 2;
        }

        options.Every = every;
        if (request.Tick is { } tickText)
        {
            if (!TryDuration(tickText, out var tick))
            {
                errors.WriteLine($"kalshidesk sandbox: --tick '{tickText}' is not a duration (e.g. 15m, 1h, 1d or 01:00:00).");
                return 2;
            }

            options.Tick = tick;
        }

        if (request.Start is { } startText)
        {
            if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            {
                errors.WriteLine($"kalshidesk sandbox: --start '{startText}' is not an ISO 8601 time (e.g. 2026-01-05T00:00:00Z).");
                return 2;
            }

            options.Start = start;
        }

        var path = System.IO.Path.GetFullPath(request.Path);
        try
        {
            options.Validate();
            SandboxHistorySummary summary;
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                summary = SandboxHistory.Record(options, writer);
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Recorded {summary.Markets} settled markets in {summary.Rows} rows to {path} (seed {options.Seed}, {options.Markets} markets, {summary.Start:yyyy-MM-dd'T'HH:mm:ss'Z'} to {summary.End:yyyy-MM-dd'T'HH:mm:ss'Z'}, every {request.Every.Trim()})"));
            return 0;
        }
        catch (ArgumentException ex) when (ex.Message.StartsWith("History:", StringComparison.Ordinal))
        {
            errors.WriteLine($"kalshidesk sandbox: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"kalshidesk sandbox: cannot write {path} ({ex.Message})");
            return 2;
        }
    }

    /// <summary>A duration as <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>1d</c> or <c>hh:mm:ss</c>.</summary>
    internal static bool TryDuration(string text, out TimeSpan duration)
    {
        text = text.Trim();
        duration = default;
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? parsed = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (parsed is { } found)
            {
                duration = found;
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }
}
