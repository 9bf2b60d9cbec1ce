namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>Why a command was refused: one of <see cref="StreamErrorCode"/> and Kalshi-style text.</summary>
internal sealed record StreamFailure(int Code, string Message);
