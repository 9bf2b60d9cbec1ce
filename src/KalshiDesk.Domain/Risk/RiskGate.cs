using System.Globalization;
using KalshiDesk.Domain.Markets;
using KalshiDesk.Domain.Pricing;
using KalshiDesk.Domain.Sizing;

namespace KalshiDesk.Domain.Risk;

/// <summary>
/// Approves, shrinks or denies a sized trade against the desk's trading state, its sit-outs and a preset's limits.
/// A pure function: the time is passed in.
/// Business-rule failures are results with reasons, never exceptions.
/// </summary>
public static class RiskGate
{
    /// <summary>Halted or reducing: no new entries. Its denials read "halted: …" or "reducing: …".</summary>
    public const string TradingState = "trading state";
    public const string SitOut = "sit-out";
    public const string MarketOpen = "market open";
    public const string TimeToClose = "time to close";
    public const string Spread = "spread";
    public const string MinEdge = "minimum edge";
    public const string Disagreement = "model disagreement";
    public const string OpenPositions = "open positions";
    public const string SingleTrade = "max single trade";
    public const string TotalExposure = "total exposure";
    public const string EventExposure = "event exposure";
    public const string Cash = "cash";

    /// <summary>The trade as sized buys nothing.</summary>
    public const string Sizing = "sizing";

    /// <param name="resize">
    /// How the order is re-sized into a smaller budget (fee included): the walk through the same offers, or a maker bid
    /// at its maker fee. Without it, a shrink re-prices every contract at <paramref name="price"/> with the taker fee,
    /// which for a walked order is its deepest level: never more than the order really costs.
    /// </param>
    public static RiskDecision Evaluate(
        MarketSnapshot market,
        Side side,
        Price price,
        double edge,
        SizingResult sizing,
        double modelDisagreement,
        RiskPreset preset,
        PortfolioState portfolio,
        DateTimeOffset now,
        DeskConditions? conditions = null,
        Func<Money, SizingResult>? resize = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(sizing);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(portfolio);

        var passed = new List<string>();
        var reasons = new List<string>();
        RiskDecision Deny(string gate, string reason)
        {
            reasons.Add(reason);
            return new RiskDecision(RiskOutcome.Denied, KellySizer.Result(sizing.KellyFraction, Quantity.Zero, price, market.Fees, sizing.LimitedBy), passed, reasons) { DeniedBy = gate };
        }

        // A halted or reducing desk opens nothing; exits never pass through here.
        switch (conditions?.State)
        {
            case Risk.TradingState.Halted:
                return Deny(TradingState, $"halted: {conditions.StateReason ?? "the desk is halted"}");
            case Risk.TradingState.Reducing:
                return Deny(TradingState, $"reducing: {conditions.StateReason ?? "exits only"}");
        }

        passed.Add(TradingState);
        if (conditions?.SitOutReason is { } sitOut)
        {
            return Deny(SitOut, $"{SitOut}: {sitOut}");
        }

        passed.Add(SitOut);
        if (market.Status != MarketStatus.Active)
        {
            return Deny(MarketOpen, $"{MarketOpen}: market is {market.Status.ToString().ToLowerInvariant()}");
        }

        passed.Add(MarketOpen);
        var toClose = market.CloseTime - now;
        if (toClose < preset.MinTimeToClose)
        {
            return Deny(TimeToClose, $"{TimeToClose}: closes in {Format(toClose)}, preset needs {Format(preset.MinTimeToClose)}");
        }

        passed.Add(TimeToClose);
        if (market.Spread is not { } spread || spread > preset.MaxSpread)
        {
            return Deny(Spread, market.Spread is null
                ? $"{Spread}: one side of the book is empty"
                : $"{Spread}: {market.Spread.Value:0.00##} is wider than {preset.MaxSpread:0.00##}");
        }

        passed.Add(Spread);
        if (edge < preset.MinEdge)
        {
            return Deny(MinEdge, $"{MinEdge}: edge {edge.ToString("0.0000", CultureInfo.InvariantCulture)} is below {preset.MinEdge.ToString("0.00##", CultureInfo.InvariantCulture)}");
        }

        passed.Add(MinEdge);
        if (modelDisagreement > preset.MaxModelDisagreement)
        {
            return Deny(Disagreement, $"{Disagreement}: {modelDisagreement.ToString("0.00", CultureInfo.InvariantCulture)} exceeds {preset.MaxModelDisagreement.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        passed.Add(Disagreement);
        var alreadyHeld = portfolio.ExposureByTicker.ContainsKey(market.Ticker);
        if (!alreadyHeld && portfolio.OpenPositions >= preset.MaxOpenPositions)
        {
            return Deny(OpenPositions, $"{OpenPositions}: {portfolio.OpenPositions} held, preset allows {preset.MaxOpenPositions}");
        }

        passed.Add(OpenPositions);
        if (sizing.Contracts.IsZero)
        {
            return Deny(Sizing, sizing.LimitedBy == SizingLimit.NoEdge ? "sizing: no positive edge" : $"sizing: nothing fits ({sizing.LimitedBy})");
        }

        // The sizer already applied the single-trade cap; check it again so a caller's own sizing cannot bypass it.
        var outcome = RiskOutcome.Approved;
        string? emptiedBy = null;
        var shrunk = new List<string>();
        var allowed = sizing;
        var singleCap = portfolio.Equity * preset.MaxSingleTrade;
        allowed = Shrink(allowed, singleCap, SingleTrade, ref outcome, reasons, passed);
        var totalRoom = portfolio.Equity * preset.MaxTotalExposure - portfolio.OpenExposure;
        allowed = Shrink(allowed, totalRoom, TotalExposure, ref outcome, reasons, passed);
        var eventHeld = portfolio.ExposureByEvent.TryGetValue(market.EventTicker, out var held) ? held : Money.Zero;
        var eventRoom = portfolio.Equity * preset.MaxEventExposure - eventHeld;
        allowed = Shrink(allowed, eventRoom, EventExposure, ref outcome, reasons, passed);
        allowed = Shrink(allowed, portfolio.Cash, Cash, ref outcome, reasons, passed);

        if (allowed.Contracts.IsZero)
        {
            return new RiskDecision(RiskOutcome.Denied, allowed, passed, reasons) { DeniedBy = emptiedBy, ShrunkBy = shrunk };
        }

        return new RiskDecision(outcome, allowed, passed, reasons) { ShrunkBy = shrunk };

        SizingResult Shrink(SizingResult current, Money room, string gate, ref RiskOutcome result, List<string> why, List<string> ok)
        {
            if (current.Outlay <= room)
            {
                ok.Add(gate);
                return current;
            }

            var next = Resize(current, room);
            var fits = next.Contracts;
            result = RiskOutcome.Shrunk;
            if (fits.IsZero)
            {
                emptiedBy ??= gate;
            }
            else
            {
                shrunk.Add(gate);
            }

            why.Add($"{gate}: ${current.Outlay.Dollars:0.00} exceeds the ${Money.Max(room, Money.Zero).Dollars:0.00} allowed; {fits} contracts fit");
            return next;
        }

        SizingResult Resize(SizingResult current, Money room)
        {
            if (room <= Money.Zero)
            {
                return KellySizer.Result(current.KellyFraction, Quantity.Zero, price, market.Fees, current.LimitedBy);
            }

            if (resize?.Invoke(room) is { } walked && walked.Contracts <= current.Contracts && walked.Outlay <= room)
            {
                return walked with { LimitedBy = current.LimitedBy };
            }

            var fits = KellySizer.ContractsWithin(room, price, market.Fees, market.FractionalTrading);
            return KellySizer.Result(current.KellyFraction, fits, price, market.Fees, current.LimitedBy);
        }
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : $"{Math.Max(span.TotalMinutes, 0):0} min";
}
