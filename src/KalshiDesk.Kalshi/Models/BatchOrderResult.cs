namespace KalshiDesk.Kalshi.Models;

/// <summary>One item of a batch create, in the order sent: an ack or an error.</summary>
public sealed record BatchOrderResult(string ClientOrderId, OrderAck? Ack, ExchangeError? Error)
{
    public bool Succeeded => Error is null && Ack is not null;
}
