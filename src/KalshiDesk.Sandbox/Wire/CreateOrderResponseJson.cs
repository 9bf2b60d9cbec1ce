using System.Text.Json.Serialization;

namespace KalshiDesk.Sandbox.Wire;

/// <summary>The V2 create-order answer; the averages appear only when something filled.</summary>
internal sealed record CreateOrderResponseJson
{
    public required string OrderId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientOrderId { get; init; }

    public required string FillCount { get; init; }

    public required string RemainingCount { get; init; }

    /// <summary>Volume-weighted YES price of the fills.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AverageFillPrice { get; init; }

    /// <summary>Fee per contract filled, in dollars.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AverageFeePaid { get; init; }

    public required long TsMs { get; init; }
}
