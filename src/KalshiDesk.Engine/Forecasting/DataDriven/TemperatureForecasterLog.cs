using Microsoft.Extensions.Logging;

namespace KalshiDesk.Engine.Forecasting.DataDriven;

internal static partial class TemperatureForecasterLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Temperature forecasts loaded from {Path}: {Rows} rows")]
    public static partial void Loaded(ILogger logger, string path, int rows);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Temperature forecast file refused; the model stands aside until the file is fixed: {Problem}")]
    public static partial void Refused(ILogger logger, string problem);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "Temperature forecast file {Path} does not exist; the model stands aside until it does")]
    public static partial void Missing(ILogger logger, string path);
}
