namespace KalshiDesk.Engine.Scanner;

/// <summary>
/// The markets of the latest cycle with their decisions and reasons, held in memory for the scanner page and
/// <c>GET /api/markets</c>. The cycle replaces the whole list at once when it finishes, so a reader sees one cycle's
/// markets, never a mix; after a restart the list is empty until the first cycle (which runs at start).
/// </summary>
public sealed class MarketScan
{
    /// <summary>The most rows one page may ask for.</summary>
    public const int MaxLimit = 1000;

    public static IReadOnlyList<string> SortKeys { get; } = ["edge", "ticker", "estimate", "stage", "closes"];

    private Snapshot _latest = new(null, null, []);

    /// <summary>Replaces the list with one cycle's markets.</summary>
    public void Publish(Guid cycleId, DateTimeOffset at, IReadOnlyList<ScannedMarket> markets)
    {
        ArgumentNullException.ThrowIfNull(markets);
        Volatile.Write(ref _latest, new Snapshot(cycleId, at, markets));
    }

    /// <summary>One page of the latest cycle's markets; throws <see cref="ArgumentException"/> naming a bad parameter.</summary>
    public MarketScanPage Query(MarketScanQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {MaxLimit}; got {query.Limit}.", nameof(query));
        }

        if (query.Offset < 0)
        {
            throw new ArgumentException($"offset must not be negative; got {query.Offset}.", nameof(query));
        }

        if (query.Decision is not (null or "proposed" or "skipped"))
        {
            throw new ArgumentException($"decision must be proposed or skipped; got '{query.Decision}'.", nameof(query));
        }

        if (!SortKeys.Contains(query.SortBy))
        {
            throw new ArgumentException($"sort must be one of {string.Join(", ", SortKeys)}; got '{query.SortBy}'.", nameof(query));
        }

        var latest = Volatile.Read(ref _latest);
        IEnumerable<ScannedMarket> rows = latest.Markets;
        if (query.Decision is { } decision)
        {
            rows = rows.Where(m => m.Decision == decision);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            rows = rows.Where(m => m.Ticker.Contains(text, StringComparison.OrdinalIgnoreCase)
                                   || m.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                                   || m.Category.Contains(text, StringComparison.OrdinalIgnoreCase)
                                   || (m.Reason?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        var matched = rows.ToList();
        IOrderedEnumerable<ScannedMarket> ordered = query.SortBy switch
        {
            "ticker" => Order(matched, m => m.Ticker, query.Descending, StringComparer.Ordinal),
            "estimate" => Order(matched, m => m.Estimate ?? double.NegativeInfinity, query.Descending, Comparer<double>.Default),
            "stage" => Order(matched, m => StageRank(m.Stage), query.Descending, Comparer<int>.Default),
            "closes" => Order(matched, m => m.ClosesAt, query.Descending, Comparer<DateTimeOffset>.Default),
            _ => Order(matched, m => m.Edge ?? double.NegativeInfinity, query.Descending, Comparer<double>.Default),
        };
        var page = ordered.ThenBy(m => m.Ticker, StringComparer.Ordinal).Skip(query.Offset).Take(query.Limit).ToList();
        return new MarketScanPage(latest.CycleId, latest.At, matched.Count, page);
    }

    private static IOrderedEnumerable<ScannedMarket> Order<TKey>(List<ScannedMarket> rows, Func<ScannedMarket, TKey> key, bool descending, IComparer<TKey> comparer) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private static int StageRank(string stage) => stage switch
    {
        "scanned" => 0,
        "priced" => 1,
        "edge" => 2,
        "sized" => 3,
        "risk-passed" => 4,
        "proposed" => 5,
        _ => -1,
    };

    private sealed record Snapshot(Guid? CycleId, DateTimeOffset? At, IReadOnlyList<ScannedMarket> Markets);
}
