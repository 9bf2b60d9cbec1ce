using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>A <c>user_order</c> body: the demo account's order as it stands after a change.</summary>
internal sealed record StreamUserOrderJson
{
    public required string OrderId { get; init; }

    public required string UserId { get; init; }

    public required string Ticker { get; init; }

    public required string Status { get; init; }

    /// <summary>The deprecated outcome bought (<c>yes</c> for a V2 bid, <c>no</c> for an ask), with <see cref="IsYes"/>.</summary>
    public required string Side { get; init; }

    public required bool IsYes { get; init; }

    public required string OutcomeSide { get; init; }

    public required string BookSide { get; init; }

    public required string YesPriceDollars { get; init; }

    public required string FillCountFp { get; init; }

    public required string RemainingCountFp { get; init; }

    public required string InitialCountFp { get; init; }

    public required string TakerFillCostDollars { get; init; }

    public required string MakerFillCostDollars { get; init; }

    public required string TakerFeesDollars { get; init; }

    public required string MakerFeesDollars { get; init; }

    public required string ClientOrderId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrderGroupId { get; init; }

    public required string SelfTradePreventionType { get; init; }

    public required string CreatedTime { get; init; }

    public required long CreatedTsMs { get; init; }

    public required string LastUpdateTime { get; init; }

    public required long LastUpdatedTsMs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpirationTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ExpirationTsMs { get; init; }

    public int SubaccountNumber { get; init; }
}
