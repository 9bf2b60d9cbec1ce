namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>The <c>msg</c> of an <c>error</c> response.</summary>
internal sealed record StreamErrorJson(int Code, string Msg);
