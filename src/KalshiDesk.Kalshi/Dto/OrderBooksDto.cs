namespace KalshiDesk.Kalshi.Dto;

internal sealed class OrderBooksDto
{
    public List<MarketOrderBookDto>? Orderbooks { get; set; }
}

internal sealed class MarketOrderBookDto
{
    public string? Ticker { get; set; }
    public OrderBookFpDto? OrderbookFp { get; set; }
}
