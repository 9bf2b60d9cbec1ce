using System.CommandLine;
using System.Globalization;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk backtest --data PATH [--preset NAME] [--from T] [--to T] [--report FILE.html] [--summary FILE.json] [--cash DOLLARS]</c>:
/// replays a recording through the live decision path (the work is <see cref="Backtester"/>'s), with a progress bar on
/// stderr, the summary on stdout, and optionally an HTML report and a JSON summary.
/// Exit 0 when the replay ran; 2, with one line on stderr and no file written, for bad arguments or input; 130 when cancelled.
/// </summary>
public static class BacktestCommand
{
    public const string Name = "backtest";

    public const string Usage = "kalshidesk backtest --data PATH [--preset NAME] [--from T] [--to T] [--report FILE.html] [--summary FILE.json] [--cash DOLLARS]";

    private const string Prefix = "kalshidesk backtest: ";

    public static Command Create(BacktestConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var data = new Option<string>("--data")
        {
            HelpName = "PATH",
            Description = "The recording to replay: a settled-markets CSV (ticker,category,price,outcome[,close_time,observed_at][,yes_bid,yes_ask][,event_ticker]).",
            Required = true,
        };
        var preset = new Option<string?>("--preset") { HelpName = "NAME", Description = "The limits to trade under: conservative, balanced (default) or aggressive." };
        var from = new Option<string?>("--from") { HelpName = "T", Description = "Trading starts here (ISO 8601 date or time, UTC unless an offset is given); earlier updates only warm up calibration." };
        var to = new Option<string?>("--to") { HelpName = "T", Description = "The replay stops here (ISO 8601); what is still open is marked at its last price." };
        var report = new Option<string?>("--report") { HelpName = "FILE.html", Description = "Writes a self-contained HTML report: parameters, headline numbers, charts and every trade (replaced if it exists)." };
        var summary = new Option<string?>("--summary") { HelpName = "FILE.json", Description = "Writes the headline numbers as JSON (replaced if it exists)." };
        var cash = new Option<string?>("--cash") { HelpName = "DOLLARS", Description = "Starting cash in dollars (default 1000)." };
        var command = new Command(Name, "Replays recorded markets through the desk's full decision loop (models, calibration, edge, Kelly, risk gate, breaker) with taker fills and fees, and scores the desk against the market price.")
        {
            data,
            preset,
            from,
            to,
            report,
            summary,
            cash,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.UnmatchedTokens,
            new BacktestRequest(parse.GetValue(data)!, parse.GetValue(preset), parse.GetValue(from), parse.GetValue(to), parse.GetValue(report), parse.GetValue(summary), parse.GetValue(cash)),
            console,
            ct));
        return command;
    }

    /// <summary>
    /// True, with the first parse error on one line of <paramref name="errors"/>, when <paramref name="parse"/> is a
    /// malformed <c>backtest</c> command line (an option or its value missing); the caller exits with 2.
    /// </summary>
    public static bool RejectsArguments(ParseResult parse, TextWriter errors) =>
        CommandLineErrors.Rejects(parse, Name, Usage, errors);

    /// <summary>Parses <paramref name="args"/> (without the <c>backtest</c> verb) and runs the command, as the executable does.</summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, BacktestConsole console, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand { Create(console) };
        var parse = root.Parse([Name, .. args]);
        if (RejectsArguments(parse, console.Errors))
        {
            return 2;
        }

        return await parse.InvokeAsync(cancellationToken: ct).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> unmatched, BacktestRequest request, BacktestConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unmatched);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        if (unmatched.Count > 0)
        {
            console.Errors.WriteLine($"{Prefix}unexpected argument '{unmatched[0]}'. Usage: {Usage}");
            return 2;
        }

        BacktestOptions options;
        BacktestData data;
        try
        {
            options = Options(request);
            data = BacktestRecording.Load(request.Data);
        }
        catch (ForecastInputException ex)
        {
            console.Errors.WriteLine(Prefix + ex.Message);
            return 2;
        }

        var progress = new BacktestProgressBar(console.Errors, console.ErrorsIsTerminal);
        BacktestResult result;
        try
        {
            result = await Backtester.RunAsync(data, options, progress, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            progress.Complete();
            console.Errors.WriteLine(Prefix + "cancelled; nothing written.");
            return 130;
        }

        progress.Complete();
        BacktestSummaryText.Write(result, console.Output);
        try
        {
            if (request.Summary is { } summaryPath)
            {
                BacktestSummary.Of(result).Write(summaryPath);
                console.Output.WriteLine($"Wrote the summary to {summaryPath}.");
            }

            if (request.Report is { } reportPath)
            {
                BacktestReport.Write(reportPath, result, options);
                console.Output.WriteLine($"Wrote the report to {reportPath}.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Errors.WriteLine($"{Prefix}cannot write the output ({ex.Message})");
            return 1;
        }

        return 0;
    }

    /// <summary>The replay's options from the command line; refuses a bad value with one line naming its option.</summary>
    private static BacktestOptions Options(BacktestRequest request)
    {
        var preset = RiskPresets.Balanced;
        if (request.Preset is { } name && !RiskPresets.TryGet(name, out preset))
        {
            throw new ForecastInputException($"--preset: \"{Shown(name)}\" is not a preset; use conservative, balanced or aggressive");
        }

        var cash = 1000m;
        if (request.Cash is { } text
            && !(decimal.TryParse(text.Trim().TrimStart('$'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out cash) && cash > 0m))
        {
            throw new ForecastInputException($"--cash: \"{Shown(text)}\" is not an amount of dollars above 0 (e.g. 1000 or 2500.50)");
        }

        var from = Time(request.From, "--from", endOfDay: false);
        var to = Time(request.To, "--to", endOfDay: true);
        if (from is { } start && to is { } end && start > end)
        {
            throw new ForecastInputException($"--from {Iso(start)} is after --to {Iso(end)}");
        }

        OutputFolder(request.Report, "--report");
        OutputFolder(request.Summary, "--summary");
        return new BacktestOptions { Preset = preset, StartingCash = cash, From = from, To = to };
    }

    // The same reading as the dashboard's and the API's: a date alone is a UTC day, through its end for --to.
    private static DateTimeOffset? Time(string? text, string option, bool endOfDay) =>
        BacktestDates.TryParse(text, endOfDay, out var time)
            ? time
            : throw new ForecastInputException($"{option}: \"{Shown(text!)}\" is not an ISO 8601 date or time (e.g. 2025-03-01 or 2025-03-01T14:30:00Z)");

    private static void OutputFolder(string? path, string option)
    {
        if (path is null)
        {
            return;
        }

        if (path.Trim().Length == 0 || Directory.Exists(path))
        {
            throw new ForecastInputException($"{option}: \"{Shown(path)}\" is not a file name");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ForecastInputException($"{option}: the folder {folder} does not exist");
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Shown(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
