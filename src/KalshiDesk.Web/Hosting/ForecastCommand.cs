using System.CommandLine;
using KalshiDesk.Engine.Forecasting.Cli;

namespace KalshiDesk.Web.Hosting;

/// <summary>
/// <c>kalshidesk forecast --history settled.csv --input open.csv --output forecasts.csv</c>: learns calibration and
/// ensemble weights from settled markets and forecasts the open ones (the work is <see cref="ForecastBatch"/>'s).
/// Exit 0 when the forecasts are written; 2, with one line on stderr, for bad arguments or input.
/// </summary>
public static class ForecastCommand
{
    public const string Name = "forecast";

    public const string Usage = "kalshidesk forecast --history settled.csv --input open.csv --output forecasts.csv";

    public static Command Create()
    {
        var history = new Option<string>("--history")
        {
            HelpName = "settled.csv",
            Description = "Settled markets to learn from: CSV with ticker,category,price,outcome[,close_time,observed_at].",
            Required = true,
        };
        var input = new Option<string>("--input")
        {
            HelpName = "open.csv",
            Description = "Open markets to forecast: CSV with ticker,category,price[,close_time,observed_at].",
            Required = true,
        };
        var output = new Option<string>("--output")
        {
            HelpName = "forecasts.csv",
            Description = "Where to write the forecasts: CSV with ticker,price,probability and one column per model (replaced if it exists).",
            Required = true,
        };
        var command = new Command(Name, "Learns calibration and ensemble weights from settled markets, forecasts the open ones, and prints how each model scored out of sample.")
        {
            history,
            input,
            output,
        };
        command.SetAction(parse => Run(
            parse.UnmatchedTokens,
            new ForecastRequest(parse.GetValue(history)!, parse.GetValue(input)!, parse.GetValue(output)!),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>
    /// True, with the first parse error on one line of <paramref name="errors"/>, when <paramref name="parse"/> is a
    /// malformed <c>forecast</c> command line (an option or its value missing); the caller exits with 2.
    /// </summary>
    public static bool RejectsArguments(ParseResult parse, TextWriter errors) =>
        CommandLineErrors.Rejects(parse, Name, Usage, errors);

    public static int Run(IReadOnlyList<string> unmatched, ForecastRequest request, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(unmatched);
        ArgumentNullException.ThrowIfNull(errors);
        if (unmatched.Count > 0)
        {
            errors.WriteLine($"kalshidesk forecast: unexpected argument '{unmatched[0]}'. Usage: {Usage}");
            return 2;
        }

        try
        {
            ForecastBatch.Run(request, output);
            return 0;
        }
        catch (ForecastInputException ex)
        {
            errors.WriteLine($"kalshidesk forecast: {ex.Message}");
            return 2;
        }
    }
}
