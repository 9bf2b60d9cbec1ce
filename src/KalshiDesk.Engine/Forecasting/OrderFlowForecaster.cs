using System.Globalization;
using KalshiDesk.Domain.Forecasting;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Engine.Markets;

namespace KalshiDesk.Engine.Forecasting;

/// <summary>
/// A small, bounded nudge of the mid by who is leaning on the book and who is taking:
/// <code>
/// I = (Dyes − Dno) / (Dyes + Dno)            depth of the best 3 YES bid levels against the best 3 NO bid levels
/// F = (Vyes − Vno) / (Vyes + Vno)            contracts taken by YES buyers against NO buyers, last 15 min (0 without trades)
/// M = clamp((logit(last) − logit(first)) / 0.5, −1, 1)   the move from the window's first trade to its last (0 under 2 trades)
/// s = 0.5·I + 0.3·F − 0.2·M                  in [−1, 1]
/// logit(p) = logit(mid) + 0.1·s              at most ±0.1 log-odds: ±2.5 points at 50¢, ±0.9 at 10¢
/// </code>
/// Resting depth and taker flow carry information, so they push the price their way; a price move the flow does not
/// explain is more often a thin book being walked, so it is faded (the −0.2·M). The mid is the book's own when both
/// sides have bids, else the snapshot's. Confidence is the evidence in contracts, n / (n + 500) with n = Dyes + Dno +
/// Vyes + Vno. Only trades at or before the decision time are read. No book (or an empty one): no forecast.
/// </summary>
public sealed class OrderFlowForecaster : IForecaster
{
    public const string ModelName = "order-flow";

    /// <summary>Book levels per side counted in the imbalance.</summary>
    public const int Levels = 3;

    /// <summary>Largest shift of the mid, in log-odds.</summary>
    public const double MaxShift = 0.1;

    /// <summary>Contracts of evidence at which confidence is one half.</summary>
    public const double HalfConfidenceContracts = 500;

    /// <summary>How far back the tape is read.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const double ImbalanceWeight = 0.5;
    private const double FlowWeight = 0.3;
    private const double ReversionWeight = 0.2;

    // A move of 0.5 log-odds (50¢ → 62¢) within the window counts as a full-size move.
    private const double FullMove = 0.5;

    public string Name => ModelName;

    /// <summary>Without a book there is no order flow to read.</summary>
    public Forecast? Forecast(MarketSnapshot market, DateTimeOffset decisionTime) => null;

    public Forecast? Forecast(MarketSnapshot market, ForecastContext context, DateTimeOffset decisionTime)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Book(market.Ticker) is not { } book || (book.YesBids.Count == 0 && book.NoBids.Count == 0))
        {
            return null;
        }

        var mid = book.BestYesBid is { } bid && book.YesAsk is { } ask
            ? (bid.AsDouble + ask.AsDouble) / 2
            : market.Mid?.AsDouble;
        if (mid is not { } m)
        {
            return null;
        }

        var yesDepth = (double)book.YesBids.Take(Levels).Sum(l => l.Size.Contracts);
        var noDepth = (double)book.NoBids.Take(Levels).Sum(l => l.Size.Contracts);
        var imbalance = (yesDepth - noDepth) / (yesDepth + noDepth);

        var trades = context.Trades(market.Ticker, decisionTime - Window, decisionTime);
        var yesTaken = (double)trades.Where(t => t.TakerSide == Side.Yes).Sum(t => t.Count.Contracts);
        var noTaken = (double)trades.Where(t => t.TakerSide == Side.No).Sum(t => t.Count.Contracts);
        var flow = yesTaken + noTaken > 0 ? (yesTaken - noTaken) / (yesTaken + noTaken) : 0;
        var move = trades.Count >= 2
            ? Math.Clamp((LogOdds.Logit(trades[^1].YesPrice.AsDouble) - LogOdds.Logit(trades[0].YesPrice.AsDouble)) / FullMove, -1, 1)
            : 0;

        var signal = (ImbalanceWeight * imbalance) + (FlowWeight * flow) - (ReversionWeight * move);
        var shift = MaxShift * signal;
        var p = LogOdds.Logistic(LogOdds.Logit(m) + shift);
        var evidence = yesDepth + noDepth + yesTaken + noTaken;
        var inputs = new Dictionary<string, string>
        {
            ["mid"] = Format(m),
            ["imbalance"] = Format(imbalance),
            ["taker_flow"] = Format(flow),
            ["move"] = Format(move),
            ["trades"] = trades.Count.ToString(CultureInfo.InvariantCulture),
            ["shift_logit"] = Format(shift),
        };
        return new Forecast(Name, Probability.Of(p), evidence / (evidence + HalfConfidenceContracts), decisionTime, inputs);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
