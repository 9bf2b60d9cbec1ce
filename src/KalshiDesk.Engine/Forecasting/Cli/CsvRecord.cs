namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>One CSV record: its values, unquoted, and the line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Values);
