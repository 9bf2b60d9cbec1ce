using Microsoft.Extensions.Logging;

namespace KalshiDesk.Sandbox.WebSockets;

internal static partial class StreamLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The Sandbox stream failed to publish a change; subscribers may miss it.")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "A Sandbox WebSocket connection ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Sandbox WebSocket sid {Sid} dropped: its buffer of {Capacity} messages overflowed")]
    public static partial void Overflowed(ILogger logger, long sid, int capacity);
}
