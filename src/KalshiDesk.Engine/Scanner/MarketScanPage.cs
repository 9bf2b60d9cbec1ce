namespace KalshiDesk.Engine.Scanner;

/// <summary>A page of the last cycle's markets.</summary>
/// <param name="CycleId">The cycle that evaluated them, or null before the first cycle.</param>
/// <param name="At">When that cycle finished, or null.</param>
/// <param name="Total">How many markets match the query (all pages).</param>
/// <param name="Markets">This page, in the requested order.</param>
public sealed record MarketScanPage(Guid? CycleId, DateTimeOffset? At, int Total, IReadOnlyList<ScannedMarket> Markets);
