using System.CommandLine;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// The <c>kalshidesk</c> command line: no verb serves the dashboard and runs the jobs; <c>doctor</c> checks the set-up;
/// <c>sandbox</c> runs only the built-in exchange.
/// Configuration arguments (<c>--urls=...</c>, <c>--Trading:Preset=...</c>) pass through to the host.
/// </summary>
public static class DeskCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("KalshiDesk: a self-hosted trading desk for Kalshi. Without a command it serves the dashboard on http://localhost:5000.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => KalshiDeskHost.RunAsync([.. parse.UnmatchedTokens]));

        var doctor = new Command("doctor", "Checks configuration, database, exchange reachability and, with keys, authentication and the balance. Exits non-zero when anything fails.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        doctor.SetAction((parse, ct) => DeskDoctor.RunAsync([.. parse.UnmatchedTokens], Console.Out, ct));
        root.Subcommands.Add(doctor);

        var port = new Option<int>("--port") { Description = "Loopback port to listen on (default 5100; 0 picks a free one).", DefaultValueFactory = _ => 5100 };
        var markets = new Option<int>("--markets") { Description = "How many markets the simulated world has (1–40000, default 48).", DefaultValueFactory = _ => 48 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated world: the same seed gives the same markets (default 42).", DefaultValueFactory = _ => 42 };
        var sandbox = new Command("sandbox", "Runs only the Sandbox: a Kalshi-compatible exchange (REST and WebSocket) on loopback, until Ctrl+C.")
        {
            port,
            markets,
            seed,
        };
        sandbox.SetAction((parse, ct) => SandboxCommand.RunAsync(
            new Sandbox.SandboxOptions { Port = parse.GetValue(port), Markets = parse.GetValue(markets), Seed = parse.GetValue(seed) },
            Console.Out,
            Console.Error,
            ct));
        root.Subcommands.Add(sandbox);

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
