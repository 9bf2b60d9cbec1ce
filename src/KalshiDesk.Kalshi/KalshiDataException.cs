namespace KalshiDesk.Kalshi;

/// <summary>The exchange sent data the desk refuses: a field missing, malformed or out of range.</summary>
public sealed class KalshiDataException(string field, string? ticker, string problem)
    : Exception(ticker is null ? $"Kalshi field '{field}': {problem}" : $"Kalshi field '{field}' of market {ticker}: {problem}")
{
    public string Field { get; } = field;

    public string? Ticker { get; } = ticker;
}
