using System.ComponentModel.DataAnnotations;
using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Engine.Trading;

/// <summary>Configuration section <c>Trading</c>.</summary>
public sealed class TradingOptions
{
    public const string Section = "Trading";

    /// <summary>
    /// Paper (default) or Live: whether live trading is allowed. With Paper, going live is refused and a desk an admin
    /// switched live trades paper (configuration wins); with Live, the desk still trades paper until an admin confirms
    /// going live on the dashboard, and the stored switch (<c>desk_mode</c>) keeps it live across restarts.
    /// </summary>
    public TradingMode Mode { get; set; } = TradingMode.Paper;

    /// <summary>conservative, balanced (default) or aggressive.</summary>
    [Required]
    public string Preset { get; set; } = "balanced";

    /// <summary>The paper account's opening cash, in dollars.</summary>
    [Range(typeof(decimal), "1", "100000000")]
    public decimal PaperStartingCash { get; set; } = 1000m;

    /// <summary>How long a proposal waits for a person before it expires.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ProposalLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Order books fetched per cycle to size candidates against depth (each costs rate-limit tokens).</summary>
    [Range(0, 1000)]
    public int MaxOrderBooksPerCycle { get; set; } = 50;

    /// <summary>
    /// How each order's fee is rounded: Cent (default, the fee schedule's rule and the conservative choice) or CentiCent
    /// (Kalshi's 2026 rounding to $0.0001 for direct members). Edge, sizing and both brokers use it.
    /// </summary>
    public FeeRounding FeeRounding { get; set; } = FeeRounding.Cent;

    /// <summary>How long a maker-route order rests at its bid before it is cancelled; also the horizon of its fill probability.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MakerOrderLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
