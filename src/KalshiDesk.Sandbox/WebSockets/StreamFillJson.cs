using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>A <c>fill</c> body: one execution of the demo account's order, as <c>GET /portfolio/fills</c> lists it.</summary>
internal sealed record StreamFillJson
{
    /// <summary>The REST fill's <c>fill_id</c> (which REST also sends as <c>trade_id</c>).</summary>
    public required string TradeId { get; init; }

    public required string OrderId { get; init; }

    public required string MarketTicker { get; init; }

    public required bool IsTaker { get; init; }

    public required string Side { get; init; }

    public required string Action { get; init; }

    public required string OutcomeSide { get; init; }

    public required string BookSide { get; init; }

    public required string PurchasedSide { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string NoPriceDollars { get; init; }

    public required string CountFp { get; init; }

    public required string FeeCost { get; init; }

    /// <summary>Contracts held after this fill: positive YES, negative NO.</summary>
    public required string PostPositionFp { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientOrderId { get; init; }

    public required long Ts { get; init; }

    public required long TsMs { get; init; }
}
