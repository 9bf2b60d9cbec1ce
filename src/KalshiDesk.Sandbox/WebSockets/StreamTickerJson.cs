namespace KalshiDesk.Sandbox.WebSockets;

/// <summary>A <c>ticker</c> body: last price, top of book and running totals of one market.</summary>
internal sealed record StreamTickerJson
{
    public required string MarketTicker { get; init; }

    public required string MarketId { get; init; }

    public required string PriceDollars { get; init; }

    public required string YesBidDollars { get; init; }

    public required string YesAskDollars { get; init; }

    public required string VolumeFp { get; init; }

    public required string OpenInterestFp { get; init; }

    public required long DollarVolume { get; init; }

    public required long DollarOpenInterest { get; init; }

    public required string YesBidSizeFp { get; init; }

    public required string YesAskSizeFp { get; init; }

    public required string LastTradeSizeFp { get; init; }

    public required long Ts { get; init; }

    public required long TsMs { get; init; }

    public required string Time { get; init; }
}
