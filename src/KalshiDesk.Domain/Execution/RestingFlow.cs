using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Execution;

/// <summary>
/// The recent tape as a resting bid sees it: how many contracts sellers pushed into each side's bids, and how long such
/// a bid would wait. A trade whose taker bought NO executed against YES bids, and one whose taker bought YES against NO bids.
/// </summary>
/// <param name="YesBidsHit">Contracts traded against YES bids over <paramref name="Window"/> (NO takers).</param>
/// <param name="NoBidsHit">Contracts traded against NO bids over <paramref name="Window"/> (YES takers).</param>
/// <param name="Window">The span of tape counted; positive.</param>
/// <param name="Horizon">How long a resting order would wait before it expires; not negative.</param>
public sealed record RestingFlow(Quantity YesBidsHit, Quantity NoBidsHit, TimeSpan Window, TimeSpan Horizon)
{
    /// <summary>The span of tape counted.</summary>
    public TimeSpan Window { get; init; } = Window > TimeSpan.Zero
        ? Window
        : throw new ArgumentOutOfRangeException(nameof(Window), Window, "The tape's window must be positive.");

    /// <summary>How long a resting order would wait.</summary>
    public TimeSpan Horizon { get; init; } = Horizon >= TimeSpan.Zero
        ? Horizon
        : throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "A resting order's horizon cannot be negative.");

    /// <summary>
    /// Contracts expected to be sold into <paramref name="side"/>'s bids while a bid rests: the window's flow scaled to
    /// the horizon (the tape's rate carried forward).
    /// </summary>
    public decimal ExpectedHits(Side side) =>
        (side == Side.Yes ? YesBidsHit : NoBidsHit).Contracts * (decimal)(Horizon.TotalSeconds / Window.TotalSeconds);
}
