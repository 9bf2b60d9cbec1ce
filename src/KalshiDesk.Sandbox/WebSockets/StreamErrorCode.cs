namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>Kalshi's WebSocket error codes (<c>msg.code</c>, AsyncAPI 2026-08-04, NOTES §4.2).</summary>
internal static class StreamErrorCode
{
    public const int UnableToProcess = 1;
    public const int ParamsRequired = 2;
    public const int ChannelsRequired = 3;
    public const int SidsRequired = 4;
    public const int UnknownCommand = 5;
    public const int AlreadySubscribed = 6;
    public const int UnknownSid = 7;
    public const int UnknownChannel = 8;
    public const int InvalidParameter = 11;
    public const int ExactlyOneSid = 12;
    public const int UnsupportedAction = 13;
    public const int MarketTickerRequired = 14;
    public const int ActionRequired = 15;
    public const int MarketNotFound = 16;
    public const int BufferOverflow = 25;
}
