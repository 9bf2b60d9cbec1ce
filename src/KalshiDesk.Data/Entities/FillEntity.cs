namespace KalshiDesk.Data.Entities;

/// <summary>An execution: contracts bought at a price, with the fee charged.</summary>
public sealed class FillEntity
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }

    /// <summary>Kalshi's fill_id, once the exchange's record of the fill is known (live trading).</summary>
    public string? ExchangeFillId { get; set; }
    public required string Ticker { get; set; }
    public required string Side { get; set; }

    /// <summary>Average price of the side bought, in dollars.</summary>
    public decimal Price { get; set; }

    public decimal Count { get; set; }
    public decimal Fee { get; set; }
    public bool IsTaker { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
