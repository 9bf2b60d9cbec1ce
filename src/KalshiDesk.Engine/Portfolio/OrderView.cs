namespace KalshiDesk.Engine.Portfolio;

/// <summary>
/// An order as a trader reads it. Dollars and contracts. An exit is stored as Kalshi nets it (a buy of the other side at
/// 1 − the sale price) and shown as what it did: a sell of the side held, at the sale price.
/// </summary>
/// <param name="Action">buy, or sell for an exit.</param>
/// <param name="Price">The limit price of <paramref name="Side"/>.</param>
/// <param name="AveragePrice">The average price of the fills, of <paramref name="Side"/>; null before any fill.</param>
/// <param name="Fee">The fees its fills paid.</param>
/// <param name="Status">pending, resting, executed, canceled, rejected or unknown.</param>
/// <param name="Broker">paper or live.</param>
/// <param name="ExpiresAt">When a resting bid is cancelled if still unfilled; null for an immediate order.</param>
/// <param name="LastFillAt">When its last fill came; null before any.</param>
public sealed record OrderView(
    Guid Id,
    Guid? ProposalId,
    string ClientOrderId,
    string? ExchangeOrderId,
    string Ticker,
    string Title,
    string Side,
    string Action,
    decimal Price,
    decimal Count,
    decimal Filled,
    decimal? AveragePrice,
    decimal Fee,
    string Status,
    string Broker,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastFillAt);
