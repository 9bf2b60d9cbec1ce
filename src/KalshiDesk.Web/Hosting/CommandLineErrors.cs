using System.CommandLine;

namespace KalshiDesk.Web.Hosting;

/// <summary>How a verb of the command line refuses a malformed command: its first parse error and usage on one line.</summary>
internal static class CommandLineErrors
{
    /// <summary>
    /// True, with the first parse error on one line of <paramref name="errors"/>, when <paramref name="parse"/> is a
    /// malformed <paramref name="verb"/> command line (an option or its value missing); the caller exits with 2.
    /// </summary>
    public static bool Rejects(ParseResult parse, string verb, string usage, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(errors);
        if (parse.CommandResult.Command.Name != verb || parse.Errors.Count == 0)
        {
            return false;
        }

        errors.WriteLine($"kalshidesk {verb}: {parse.Errors[0].Message} Usage: {usage}");
        return true;
    }
}
