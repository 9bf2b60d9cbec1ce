namespace KalshiDesk.Kalshi.Models;

/// <summary>Kalshi's error object for one item of a batch.</summary>
public sealed record ExchangeError(string Code, string Message, string? Details);
