using Microsoft.Extensions.Logging;

namespace KalshiDesk.Sandbox;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The Sandbox world failed to tick; it stays where it was.")]
    public static partial void TickFailed(ILogger logger, Exception exception);
}
