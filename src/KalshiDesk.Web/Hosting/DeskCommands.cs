using System.CommandLine;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// The <c>kalshidesk</c> command line: no verb serves the dashboard and runs the jobs; <c>doctor</c> checks the set-up;
/// <c>sandbox</c> runs only the built-in exchange (or, with <c>--record</c>, writes its history as a backtest file);
/// <c>forecast</c> learns from settled markets and forecasts open ones; <c>backtest</c> replays recorded markets through
/// the full decision loop.
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
        var keyId = new Option<string?>("--key-id") { Description = "An API key id to accept besides the demo key (with --public-key)." };
        var publicKey = new Option<string?>("--public-key") { Description = "The RSA public key of --key-id: PEM text or the path of a .pem file." };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Where the demo key is kept, made at the first start (default: data, under the working directory).",
            DefaultValueFactory = _ => SandboxCommand.DefaultDataDirectory,
        };
        var replay = new Option<string?>("--replay") { Description = "Replays recorded markets instead of the simulated world: the backtests' settled-markets CSV (ticker,category,price,outcome[,close_time,observed_at])." };
        var speed = new Option<double>("--speed") { Description = "Recorded seconds per second of a replay (default 60: an hour a minute).", DefaultValueFactory = _ => 60 };
        var record = new Option<string?>("--record")
        {
            HelpName = "FILE",
            Description = "Records the simulated world as a backtest file instead of serving it, then exits: the markets that settle within --days, observed --every, as the settled-markets CSV.",
        };
        var days = new Option<int>("--days") { Description = "With --record: how many days to record (1–366, default 7).", DefaultValueFactory = _ => 7 };
        var every = new Option<string>("--every") { Description = "With --record: how often each market is observed (e.g. 15m, 1h, 1d; default 1h).", DefaultValueFactory = _ => "1h" };
        var tick = new Option<string?>("--tick") { Description = "With --record: how much time one step of the world stands for (default: --every); --every must be a multiple of it." };
        var start = new Option<string?>("--start") { Description = "With --record: when the world is built and the recording starts, ISO 8601 UTC (default 2026-01-05T00:00:00Z)." };
        var sandbox = new Command("sandbox", "Runs only the Sandbox: a Kalshi-compatible exchange (REST and WebSocket) on loopback, until Ctrl+C. Requests are signed as on Kalshi, with the demo key it prints or --key-id's.")
        {
            port,
            markets,
            seed,
            keyId,
            publicKey,
            dataDir,
            replay,
            speed,
            record,
            days,
            every,
            tick,
            start,
        };
        sandbox.SetAction((parse, ct) => parse.GetValue(record) is { Length: > 0 } recordPath
            ? Task.FromResult(SandboxCommand.Record(
                new SandboxRecordRequest(
                    recordPath,
                    parse.GetValue(seed),
                    parse.GetValue(markets),
                    parse.GetValue(days),
                    parse.GetValue(every) ?? "1h",
                    parse.GetValue(tick),
                    parse.GetValue(start),
                    parse.GetValue(replay)),
                Console.Out,
                Console.Error))
            : SandboxCommand.RunAsync(
                new Sandbox.SandboxOptions
                {
                    Port = parse.GetValue(port),
                    Markets = parse.GetValue(markets),
                    Seed = parse.GetValue(seed),
                    KeyId = parse.GetValue(keyId),
                    PublicKey = parse.GetValue(publicKey),
                    DataDirectory = Path.GetFullPath(parse.GetValue(dataDir) ?? SandboxCommand.DefaultDataDirectory),
                    ReplayPath = parse.GetValue(replay) is { Length: > 0 } recording ? Path.GetFullPath(recording) : null,
                    ReplaySpeed = parse.GetValue(speed),
                },
                Console.Out,
                Console.Error,
                ct));
        root.Subcommands.Add(sandbox);

        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create(BacktestConsole.System()));

        var parsed = root.Parse(args);
        if (ForecastCommand.RejectsArguments(parsed, Console.Error) || BacktestCommand.RejectsArguments(parsed, Console.Error))
        {
            return 2;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
