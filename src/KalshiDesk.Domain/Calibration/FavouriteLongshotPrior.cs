using KalshiDesk.Domain.Pricing;

namespace KalshiDesk.Domain.Calibration;

/// <summary>
/// The favourite–longshot prior: the probability that a contract bought at a given price wins, as realised over all
/// Kalshi trades from 2021-06-30 to 2025-11-25 (135.5 million trade sides). Longshots win less often than their
/// price says (5¢ → 4.2%) and favourites more (95¢ → 95.8%).
/// </summary>
/// <remarks>
/// <para>
/// Source: win_rate_by_price.csv from github.com/Jon-Becker/prediction-market-analysis (commit e1458bdb),
/// Copyright (c) 2026 Jonathan Becker, MIT License; the notice is in THIRD-PARTY-NOTICES.md next to this file.
/// Each trade counts once for the taker's side and once for the maker's, at the price that side paid, so the
/// table is trade-weighted (not contract-weighted) and before fees.
/// </para>
/// <para>
/// Fit, per cent from 1¢ to 99¢: (1) pool each price with its complement (wins at p plus losses at 100 − p), which
/// makes the curve exactly symmetric, P(p) + P(100 − p) = 1, so YES and NO read the same table; (2) weighted
/// pool-adjacent-violators on the win rates, weights = trade sides; (3) light smoothing: local-linear regression
/// in log-odds (logit price → logit rate) with a Gaussian kernel of 1.5¢ weighted by trade sides; (4) PAVA again
/// (a no-op here: the smoothed curve is already strictly increasing). Trade-weighted over 10¢ buckets the table is
/// within 0.16 percentage points of the raw win rates.
/// </para>
/// <para>
/// Time to close: not used. The published time tables (price_convergence_to_resolution.csv by hours left,
/// market_duration_effects.csv by market lifetime) give only the taker's excess win rate averaged over all prices:
/// −0.4 to −1.8 points with no trend in the horizon (&lt;1h −0.94, 8–24h −1.64, 3–7d −1.85, &gt;4w −0.38). That is the
/// taker-to-maker transfer, which this taker-plus-maker table nets out, and there is no price-by-horizon breakdown
/// to bend the curve with. The parameter is accepted so callers pass it now and a richer table can use it later.
/// </para>
/// </remarks>
public static class FavouriteLongshotPrior
{
    /// <summary>Lowest price in the table, in cents.</summary>
    public const int MinCents = 1;

    /// <summary>Highest price in the table, in cents.</summary>
    public const int MaxCents = 99;

    // Fitted win probability (0–1) at 1¢, 2¢, …, 99¢. Derived from win_rate_by_price.csv,
    // Copyright (c) 2026 Jonathan Becker, MIT License (github.com/Jon-Becker/prediction-market-analysis).
    private static readonly double[] Fitted =
    [
        0.00917d, 0.01813d, 0.02656d, 0.03449d, 0.04225d, 0.05035d, 0.05918d, 0.06870d, 0.07869d, 0.08904d, // 1–10¢
        0.09972d, 0.11046d, 0.12081d, 0.13068d, 0.14035d, 0.15006d, 0.16016d, 0.17166d, 0.18536d, 0.19989d, // 11–20¢
        0.21167d, 0.21873d, 0.22293d, 0.22754d, 0.23511d, 0.24670d, 0.26143d, 0.27676d, 0.29076d, 0.30416d, // 21–30¢
        0.31852d, 0.33271d, 0.34410d, 0.35206d, 0.35846d, 0.36575d, 0.37443d, 0.38300d, 0.39039d, 0.39663d, // 31–40¢
        0.40207d, 0.40786d, 0.41580d, 0.42660d, 0.43868d, 0.44981d, 0.45974d, 0.47049d, 0.48401d, 0.50000d, // 41–50¢
        0.51599d, 0.52951d, 0.54026d, 0.55019d, 0.56132d, 0.57340d, 0.58420d, 0.59214d, 0.59793d, 0.60337d, // 51–60¢
        0.60961d, 0.61700d, 0.62557d, 0.63425d, 0.64154d, 0.64794d, 0.65590d, 0.66729d, 0.68148d, 0.69584d, // 61–70¢
        0.70924d, 0.72324d, 0.73857d, 0.75330d, 0.76489d, 0.77246d, 0.77707d, 0.78127d, 0.78833d, 0.80011d, // 71–80¢
        0.81464d, 0.82834d, 0.83984d, 0.84994d, 0.85965d, 0.86932d, 0.87919d, 0.88954d, 0.90028d, 0.91096d, // 81–90¢
        0.92131d, 0.93130d, 0.94082d, 0.94965d, 0.95775d, 0.96551d, 0.97344d, 0.98187d, 0.99083d, // 91–99¢
    ];

    /// <summary>The fitted win probability (0–1) at each whole cent from 1¢ to 99¢; index 0 is 1¢.</summary>
    public static IReadOnlyList<double> Table { get; } = Array.AsReadOnly(Fitted);

    /// <summary>
    /// The probability that a contract bought at <paramref name="price"/> (dollars) wins: linear between whole cents,
    /// flat below 1¢ and above 99¢. <paramref name="timeToClose"/> must not be negative and does not yet change the
    /// answer (see remarks).
    /// </summary>
    public static Probability ProbabilityAt(Price price, TimeSpan? timeToClose = null)
    {
        if (timeToClose is { } left && left < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToClose), left, "Time to close cannot be negative.");
        }

        var cents = Math.Clamp((double)(price.Dollars * 100m), MinCents, MaxCents);
        var lower = (int)Math.Floor(cents);
        if (lower >= MaxCents)
        {
            return Probability.Of(Fitted[^1]);
        }

        var t = cents - lower;
        var low = Fitted[lower - MinCents];
        var high = Fitted[lower - MinCents + 1];
        return Probability.Of(low + (t * (high - low)));
    }
}
