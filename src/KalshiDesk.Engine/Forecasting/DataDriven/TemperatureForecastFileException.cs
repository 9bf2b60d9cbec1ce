namespace KalshiDesk.Engine.Forecasting.DataDriven;

/// <summary>A temperature forecast file that cannot be trusted, with the line (and column) at fault.</summary>
public sealed class TemperatureForecastFileException : Exception
{
    public TemperatureForecastFileException()
    {
    }

    public TemperatureForecastFileException(string message)
        : base(message)
    {
    }

    public TemperatureForecastFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemperatureForecastFileException(string source, int line, string? column, string problem)
        : base(column is null ? $"{source} line {line}: {problem}" : $"{source} line {line}, column {column}: {problem}")
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line at fault.</summary>
    public int Line { get; }

    /// <summary>The column at fault, or null when the whole line is.</summary>
    public string? Column { get; }
}
