namespace KalshiDesk.Web.Hosting;

/// <summary>Where <c>backtest</c> writes: the summary to <paramref name="Output"/>, progress and errors to <paramref name="Errors"/>.</summary>
/// <param name="ErrorsIsTerminal">True when <paramref name="Errors"/> is a terminal: the progress bar is redrawn in place.</param>
public sealed record BacktestConsole(TextWriter Output, TextWriter Errors, bool ErrorsIsTerminal)
{
    /// <summary>The process's stdout and stderr.</summary>
    public static BacktestConsole System() => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
