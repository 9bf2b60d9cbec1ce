namespace KalshiDesk.Domain.Pricing;

/// <summary>
/// A market's tick structure (Kalshi's <c>price_level_structure</c> and <c>price_ranges</c>): the prices orders may use.
/// Each band [start, end) has its own step; the last band includes its end.
/// </summary>
public sealed class PriceGrid
{
    private readonly PriceBand[] _bands;

    private PriceGrid(string name, PriceBand[] bands)
    {
        Name = name;
        _bands = bands;
    }

    /// <summary><c>linear_cent</c>: every cent from 0 to 1, the structure of every market until subpenny pricing.</summary>
    public static PriceGrid LinearCent { get; } = new("linear_cent", [new PriceBand(0m, 1m, 0.01m)]);

    /// <summary><c>deci_cent</c>: every tenth of a cent.</summary>
    public static PriceGrid DeciCent { get; } = new("deci_cent", [new PriceBand(0m, 1m, 0.001m)]);

    /// <summary><c>tapered_deci_cent</c>: tenths of a cent below 0.10 and above 0.90, cents between.</summary>
    public static PriceGrid TaperedDeciCent { get; } = new(
        "tapered_deci_cent",
        [new PriceBand(0m, 0.10m, 0.001m), new PriceBand(0.10m, 0.90m, 0.01m), new PriceBand(0.90m, 1m, 0.001m)]);

    /// <summary>Kalshi's <c>price_level_structure</c> value, or "custom" for bands read from <c>price_ranges</c>.</summary>
    public string Name { get; }

    /// <summary>The grid of a named structure, or null when the name is not one of Kalshi's simple structures.</summary>
    public static PriceGrid? FromStructure(string? name) => name switch
    {
        "linear_cent" => LinearCent,
        "deci_cent" => DeciCent,
        "tapered_deci_cent" => TaperedDeciCent,
        _ => null,
    };

    /// <summary>A grid from <c>price_ranges</c>: bands in dollars, contiguous from 0 to 1, each with a positive step.</summary>
    public static PriceGrid FromRanges(IEnumerable<(decimal Start, decimal End, decimal Step)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var bands = ranges.OrderBy(r => r.Start).Select(r => new PriceBand(r.Start, r.End, r.Step)).ToArray();
        var at = 0m;
        foreach (var band in bands)
        {
            if (band.Start != at || band.End <= band.Start || band.Step <= 0m || band.End > 1m)
            {
                throw new ArgumentException($"Price ranges must run contiguously from 0 to 1 with positive steps; [{band.Start}, {band.End}) step {band.Step} does not.", nameof(ranges));
            }

            at = band.End;
        }

        return at == 1m
            ? new PriceGrid("custom", bands)
            : throw new ArgumentException("Price ranges must reach 1.", nameof(ranges));
    }

    /// <summary>The tick at <paramref name="price"/>, in dollars.</summary>
    public decimal TickAt(Price price) => BandOf(price).Step;

    /// <summary>True when <paramref name="price"/> is a price an order may use.</summary>
    public bool IsOnGrid(Price price) => FloorToTick(price) == price;

    /// <summary>The highest price on the grid at or below <paramref name="price"/> (a bid never rounds up into the spread).</summary>
    public Price FloorToTick(Price price)
    {
        // Multiplying by the whole number of ticks per dollar (100, 1000) is exact and far cheaper than a decimal division.
        var band = BandOf(price);
        var offset = price.Dollars - band.Start;
        var ticks = band.TicksPerDollar is { } perDollar ? Math.Floor(offset * perDollar) : Math.Floor(offset / band.Step);
        var floored = band.Start + (ticks * band.Step);
        return floored == price.Dollars ? price : Price.FromDollars(floored);
    }

    public override string ToString() => Name;

    private PriceBand BandOf(Price price)
    {
        foreach (var band in _bands)
        {
            if (price.Dollars < band.End)
            {
                return band;
            }
        }

        return _bands[^1];
    }

    private readonly record struct PriceBand(decimal Start, decimal End, decimal Step)
    {
        /// <summary>Ticks in a dollar when that is a whole number (a step of 0.01 or 0.001), else null.</summary>
        public decimal? TicksPerDollar { get; } = 1m / Step is var inverse && inverse == decimal.Truncate(inverse) ? inverse : null;
    }
}
