using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Sandbox.History;

/// <summary>One observation of one market: its YES price (the quote's mid, to the cent) and best bid and ask, or null where a side is empty.</summary>
internal sealed record HistoryRow(string Ticker, string EventTicker, string Category, DateTimeOffset ObservedAt, DateTimeOffset CloseTime, Price Price, Price? YesBid, Price? YesAsk, Price? LastPrice);
