namespace KalshiDesk.Data.Entities;

/// <summary>An order sent to a broker.</summary>
public sealed class OrderEntity
{
    public Guid Id { get; set; }
    public Guid? ProposalId { get; set; }
    public required string ClientOrderId { get; set; }
    public string? ExchangeOrderId { get; set; }
    public required string Broker { get; set; }
    public required string Ticker { get; set; }
    public required string Side { get; set; }
    public decimal LimitPrice { get; set; }
    public decimal Count { get; set; }
    public decimal Filled { get; set; }

    /// <summary>resting, executed or canceled (Kalshi's order statuses).</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a resting (good-till-canceled) order is cancelled if still unfilled; null for an immediate order.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
