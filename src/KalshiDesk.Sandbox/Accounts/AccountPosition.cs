using KalshiDesk.Domain.Pricing;
using KalshiDesk.Sandbox.World;

namespace KalshiDesk.Sandbox.Accounts;

/// <summary>The demo account's holding in one market: signed contracts (+YES, −NO), what they cost, and what was realised.</summary>
internal sealed class AccountPosition(SandboxMarket market, DateTimeOffset openedAt)
{
    public SandboxMarket Market { get; } = market;

    /// <summary>Contracts held: positive YES, negative NO.</summary>
    public decimal Contracts { get; private set; }

    /// <summary>What the contracts held cost, in dollars.</summary>
    public decimal Exposure { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal FeesPaid { get; set; }

    /// <summary>Dollars spent on this market, all fills.</summary>
    public decimal TotalTraded { get; private set; }

    public DateTimeOffset LastUpdated { get; set; } = openedAt;

    /// <summary>Contracts of the other outcome that a purchase of <paramref name="outcome"/> would net against.</summary>
    public decimal OppositeOf(Side outcome) => outcome == Side.Yes ? Math.Max(0m, -Contracts) : Math.Max(0m, Contracts);

    /// <summary>Closes the position at settlement: pays $1 a winning contract and realises the P&amp;L. Returns the payout.</summary>
    public decimal Settle(bool yesWon, DateTimeOffset now)
    {
        var payout = (yesWon && Contracts > 0m) || (!yesWon && Contracts < 0m) ? Math.Abs(Contracts) : 0m;
        RealizedPnl += payout - Exposure;
        Exposure = 0m;
        Contracts = 0m;
        Settled = true;
        LastUpdated = now;
        return payout;
    }

    /// <summary>True once the market has settled and the position was paid out.</summary>
    public bool Settled { get; private set; }

    /// <summary>
    /// Books a purchase. Buying one outcome while holding the other nets the two: each YES+NO pair is redeemed
    /// for $1 at once. Returns the dollars redeemed.
    /// </summary>
    public decimal Buy(Side outcome, decimal count, Price price)
    {
        var sign = outcome == Side.Yes ? 1m : -1m;
        var opposite = OppositeOf(outcome);
        var netted = Math.Min(count, opposite);
        if (netted > 0m)
        {
            var basis = netted == opposite ? Exposure : Exposure * netted / opposite;
            Exposure -= basis;
            RealizedPnl += (netted * (1m - price.Dollars)) - basis;
            Contracts += sign * netted;
        }

        var opened = count - netted;
        Exposure += opened * price.Dollars;
        Contracts += sign * opened;
        TotalTraded += count * price.Dollars;
        if (Contracts == 0m)
        {
            Exposure = 0m;
        }

        return netted;
    }
}
