namespace KalshiDesk.Sandbox.History;

/// <summary>A recorded span: the rows written, each written market's outcome (true YES), and the exchange at the end of the span.</summary>
internal sealed record HistoryRun(SandboxExchange Exchange, IReadOnlyList<HistoryRow> Rows, IReadOnlyDictionary<string, bool> Outcomes);
