namespace KalshiDesk.Web.Api;

/// <summary>One column of a CSV export: its header and how a row's cell is written (<see cref="CsvExport"/>'s formats).</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string> Cell);
