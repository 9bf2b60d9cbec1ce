using System.Globalization;

namespace KalshiDesk.Benchmarks.BookStream;

/// <summary>How BookStream loads the Sandbox: <c>--key value</c> pairs after the name.</summary>
internal sealed record BookStreamOptions
{
    public const string TickDrive = "tick";
    public const string OrdersDrive = "orders";
    public const string ExchangeDrive = "exchange";

    /// <summary>Markets in the Sandbox's world.</summary>
    public int World { get; init; } = 40_000;

    public int Subscribers { get; init; } = 10;

    /// <summary>Markets each subscriber asks <c>orderbook_delta</c> for; every subscriber asks for the same ones, so each receives every update.</summary>
    public int Markets { get; init; } = 50;

    /// <summary>
    /// <see cref="ExchangeDrive"/>: place and cancel in process; <see cref="OrdersDrive"/>: the same through signed REST;
    /// <see cref="TickDrive"/>: <c>SandboxExchange.Tick()</c> requotes every market.
    /// </summary>
    public string Drive { get; init; } = ExchangeDrive;

    /// <summary>Tick drive: world ticks a second.</summary>
    public double TickRate { get; init; } = 4;

    /// <summary>Exchange and orders drives: orders placed or cancelled a second (each one book update).</summary>
    public int OrderRate { get; init; } = 1200;

    /// <summary>Orders drive: requests in flight at most.</summary>
    public int Workers { get; init; } = 16;

    public int Seconds { get; init; } = 20;

    /// <summary>Driving before the measured run (JIT, connection warm-up); not counted.</summary>
    public int WarmupSeconds { get; init; } = 3;

    /// <summary>The run fails (exit 1) when any subscriber averages fewer book updates a second than this.</summary>
    public double MinRate { get; init; } = 1000;

    public int Seed { get; init; } = 42;

    public static void Usage(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("BookStream options (defaults in brackets):");
        output.WriteLine("  --world N          markets in the Sandbox's world [40000]");
        output.WriteLine("  --subscribers N    WebSocket connections [10]");
        output.WriteLine("  --markets N        orderbook_delta markets per subscriber, the same for all [50]");
        output.WriteLine("  --drive exchange|orders|tick  how the books move [exchange]:");
        output.WriteLine("                     exchange: place/cancel a 1-contract GTC bid in process (SandboxExchange.PlaceOrder/CancelOrder)");
        output.WriteLine("                     orders: the same through signed POST/DELETE /trade-api/v2/portfolio/events/orders");
        output.WriteLine("                     tick: SandboxExchange.Tick() requotes every market of the world");
        output.WriteLine("  --tick-rate R      ticks a second (tick drive) [4]");
        output.WriteLine("  --order-rate R     places + cancels a second (exchange and orders drives) [1200]");
        output.WriteLine("  --workers N        requests in flight (orders drive) [16]");
        output.WriteLine("  --seconds N        measured run [20]");
        output.WriteLine("  --warmup N         unmeasured driving first [3]");
        output.WriteLine("  --min-rate R       fail when a subscriber averages fewer updates a second [1000]");
        output.WriteLine("  --seed N           world seed [42]");
    }

    public static BookStreamOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BookStreamOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var key = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{key} needs a value");
            }

            var value = args[++i];
            options = key switch
            {
                "--world" => options with { World = Int(key, value, 1, 40_000) },
                "--subscribers" => options with { Subscribers = Int(key, value, 1, 1000) },
                "--markets" => options with { Markets = Int(key, value, 1, 40_000) },
                "--drive" => options with { Drive = value is ExchangeDrive or OrdersDrive or TickDrive ? value : throw new ArgumentException("--drive is exchange, orders or tick") },
                "--tick-rate" => options with { TickRate = Number(key, value, 0.1, 1000) },
                "--order-rate" => options with { OrderRate = Int(key, value, 1, 1_000_000) },
                "--workers" => options with { Workers = Int(key, value, 1, 1024) },
                "--seconds" => options with { Seconds = Int(key, value, 1, 3600) },
                "--warmup" => options with { WarmupSeconds = Int(key, value, 0, 600) },
                "--min-rate" => options with { MinRate = Number(key, value, 0, 1e9) },
                "--seed" => options with { Seed = Int(key, value, int.MinValue, int.MaxValue) },
                _ => throw new ArgumentException($"unknown option {key}"),
            };
        }

        if (options.Markets > options.World)
        {
            throw new ArgumentException("--markets cannot exceed --world");
        }

        return options;
    }

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}");

    private static double Number(string key, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{key} must be a number from {min} to {max}");
}
