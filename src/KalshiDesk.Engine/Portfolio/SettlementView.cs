namespace KalshiDesk.Engine.Portfolio;

/// <summary>A market the desk held when it settled, and what it paid. Dollars and contracts.</summary>
/// <param name="Result">yes, no, scalar or void.</param>
/// <param name="Revenue">What was paid out.</param>
/// <param name="Cost">What the contracts settled had cost.</param>
/// <param name="Fee">The fees paid on them.</param>
/// <param name="Pnl">Revenue − cost − fee.</param>
public sealed record SettlementView(
    Guid Id,
    string Ticker,
    string EventTicker,
    string Title,
    string Result,
    DateTimeOffset SettledAt,
    decimal YesCount,
    decimal NoCount,
    decimal Revenue,
    decimal Cost,
    decimal Fee,
    decimal Pnl);
