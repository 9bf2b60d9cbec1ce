namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// Input the forecast command cannot use: a missing or malformed file, a bad row, an empty history, a repeated open
/// market. The message is one line naming the file and, where there is one, the line, the column and the value.
/// </summary>
public sealed class ForecastInputException : Exception
{
    public ForecastInputException()
    {
    }

    public ForecastInputException(string message)
        : base(message)
    {
    }

    public ForecastInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
