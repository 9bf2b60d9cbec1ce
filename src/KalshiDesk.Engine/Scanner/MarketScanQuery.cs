namespace KalshiDesk.Engine.Scanner;

/// <summary>What the scanner lists: a text search, a decision filter, an order and a page.</summary>
/// <param name="Search">Matched, case-insensitively, against ticker, title, category and reason.</param>
/// <param name="Decision">"proposed", "skipped", or null for both.</param>
/// <param name="SortBy">edge (the default), ticker, estimate, stage or closes.</param>
/// <param name="Descending">Largest first; the default for edge.</param>
/// <param name="Offset">Rows skipped.</param>
/// <param name="Limit">Rows returned, 1 to 1,000.</param>
public sealed record MarketScanQuery(
    string? Search = null,
    string? Decision = null,
    string SortBy = "edge",
    bool Descending = true,
    int Offset = 0,
    int Limit = 100);
