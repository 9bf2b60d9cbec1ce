namespace KalshiDesk.Engine.Portfolio;

/// <summary>An execution as a trader reads it. Dollars and contracts; an exit's fill is a sell of the side held.</summary>
/// <param name="ClientOrderId">Its order's idempotency key; null for a fill of an order the desk did not send.</param>
/// <param name="ExchangeFillId">Kalshi's fill_id once reconciliation has seen it (live trading).</param>
/// <param name="Action">buy, or sell for an exit.</param>
/// <param name="Price">The average price of <paramref name="Side"/>.</param>
/// <param name="Value">Price × count: what a buy cost, what a sell brought in, fees apart.</param>
/// <param name="Liquidity">taker or maker.</param>
/// <param name="Broker">paper or live; null for a fill of an order the desk did not send.</param>
public sealed record FillView(
    Guid Id,
    Guid OrderId,
    string? ClientOrderId,
    string? ExchangeFillId,
    string Ticker,
    string Title,
    string Side,
    string Action,
    decimal Price,
    decimal Count,
    decimal Value,
    decimal Fee,
    string Liquidity,
    string? Broker,
    DateTimeOffset CreatedAt);
