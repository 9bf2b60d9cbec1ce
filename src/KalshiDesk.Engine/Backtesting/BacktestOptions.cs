using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Forecasting;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Scoring;

namespace KalshiDesk.Engine.Backtesting;

/// <summary>How a recording is replayed.</summary>
public sealed record BacktestOptions
{
    /// <summary>The limits traded under (balanced unless named).</summary>
    public RiskPreset Preset { get; init; } = RiskPresets.Balanced;

    /// <summary>The account's cash at the start, in dollars (the paper desk's default).</summary>
    public decimal StartingCash { get; init; } = 1000m;

    /// <summary>Trading starts here; earlier observations only warm up calibration (null: from the start).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The replay stops here; what is still open is marked at its last price (null: to the last settlement).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Contracts offered at each recorded quote, each side: a recording has the price, not the queue behind it.</summary>
    public decimal DepthContracts { get; init; } = 1000m;

    /// <summary>How often, in recorded time, calibration and ensemble weights are relearned from what has settled.</summary>
    public TimeSpan RelearnEvery { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The live desk's scoring settings: how often a market's forecast is kept, the rolling-skill sit-out.</summary>
    public ScoringOptions Scoring { get; init; } = new();

    /// <summary>The live desk's per-market sit-out settings (snapshot age, depth).</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>The models; null runs the live desk's four (market-implied, favourite–longshot, order flow, event consistency).</summary>
    public IReadOnlyList<IForecaster>? Forecasters { get; init; }

    /// <summary>Resamples for the scores' 95% confidence intervals.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap: the same recording and options give the same report.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Called with every decision the replay makes, in order (for tests and tools; null: none).</summary>
    public Action<BacktestDecision>? OnDecision { get; init; }

    /// <summary>The live desk's models.</summary>
    public static IReadOnlyList<IForecaster> LiveForecasters() =>
        [new MarketImpliedForecaster(), new FavouriteLongshotForecaster(), new OrderFlowForecaster(), new EventConsistencyForecaster()];
}

/// <summary>One decision of a replay: the market, when, the desk's probability and how far it got.</summary>
/// <param name="ProbabilityYes">The desk's calibrated probability of YES, or null when no model priced the market.</param>
/// <param name="Stage">scanned, priced, edge, sized, risk-passed, proposed (a trade was placed).</param>
/// <param name="Reason">Why it stopped, when it did.</param>
public sealed record BacktestDecision(DateTimeOffset At, string Ticker, double? ProbabilityYes, string Stage, string? Reason);

/// <summary>Where a replay is: updates done of the total, time taken and left, the recording's clock.</summary>
public sealed record BacktestProgress(long Done, long Total, TimeSpan Elapsed, TimeSpan? Remaining, DateTimeOffset? SimulatedTime, int Trades)
{
    /// <summary>Done as a fraction (0–1).</summary>
    public double Fraction => Total == 0 ? 1d : (double)Done / Total;
}
