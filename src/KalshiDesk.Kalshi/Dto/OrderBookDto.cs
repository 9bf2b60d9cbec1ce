using System.Text.Json.Serialization;

namespace KalshiDesk.Kalshi.Dto;

internal sealed class OrderBookEnvelopeDto
{
    [JsonPropertyName("orderbook_fp")]
    public OrderBookFpDto? OrderbookFp { get; set; }
}

internal sealed class OrderBookFpDto
{
    [JsonPropertyName("yes_dollars")]
    public List<List<string>>? YesDollars { get; set; }

    [JsonPropertyName("no_dollars")]
    public List<List<string>>? NoDollars { get; set; }
}
