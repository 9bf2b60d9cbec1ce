namespace KalshiDesk.Kalshi;

/// <summary>Whether the exchange is up and accepting orders.</summary>
public sealed record ExchangeStatus(bool ExchangeActive, bool TradingActive);
