namespace KalshiDesk.Kalshi.Models;

/// <summary>One item of a batch cancel: a cancellation or an error.</summary>
public sealed record BatchCancelResult(string OrderId, OrderCancellation? Cancellation, ExchangeError? Error)
{
    public bool Succeeded => Error is null && Cancellation is not null;
}
