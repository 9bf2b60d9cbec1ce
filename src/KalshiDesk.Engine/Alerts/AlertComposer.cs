using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// Writes each alert from what the desk stored: the proposal, its order and fills, the trading state, the cycle's
/// sit-out. Prices and money in dollars, probabilities as percentages, times in New York time.
/// </summary>
public sealed class AlertComposer(IDbContextFactory<DeskDbContext> db, IOptions<AlertOptions> options)
{
    /// <summary>A new proposal, with a link to it on the dashboard; null when it is no longer stored.</summary>
    public async Task<Alert?> ProposalAsync(ProposalCreated created, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var p = await context.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == created.ProposalId, ct).ConfigureAwait(false);
        if (p is null)
        {
            return null;
        }

        var side = p.Side.ToUpperInvariant();
        var market = p.MarketProbabilityYes is { } implied ? $", market {Percent(implied)}" : string.Empty;
        var route = p.Route == "maker" ? $"maker, resting at the bid (fill chance {Percent(p.FillProbability)})" : "taker";
        var title = $"New proposal: buy {Contracts(p.Contracts)} {side} of {p.Ticker} at {Price(p.Price)}";
        var text = $"{p.Title}\nEdge {Edge(p.Edge)} net of fees; model {Percent(p.ProbabilityYes)} YES{market}. "
            + $"Cost {Dollars(p.Cost)} + {Dollars(p.Fee)} fee ({route}). Expires {NewYork(p.ExpiresAt)} unless approved.";
        return new Alert(AlertKind.Proposal, title, text, Link($"proposals?id={p.Id}"), created.At)
        {
            Fields =
            [
                new("Market", p.Ticker),
                new("Side", side),
                new("Price", Price(p.Price)),
                new("Contracts", Contracts(p.Contracts)),
                new("Edge", Edge(p.Edge)),
                new("Cost", $"{Dollars(p.Cost)} + {Dollars(p.Fee)} fee"),
                new("Model", $"{Percent(p.ProbabilityYes)} YES{market}"),
                new("Route", route),
                new("Expires", NewYork(p.ExpiresAt)),
            ],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["proposalId"] = p.Id,
                ["ticker"] = p.Ticker,
                ["eventTicker"] = p.EventTicker,
                ["market"] = p.Title,
                ["side"] = p.Side,
                ["price"] = p.Price,
                ["contracts"] = p.Contracts,
                ["cost"] = p.Cost,
                ["fee"] = p.Fee,
                ["edge"] = p.Edge,
                ["probabilityYes"] = p.ProbabilityYes,
                ["marketProbabilityYes"] = p.MarketProbabilityYes,
                ["route"] = p.Route,
                ["fillProbability"] = p.FillProbability,
                ["preset"] = p.Preset,
                ["expiresAt"] = p.ExpiresAt,
            },
        };
    }

    /// <summary>An executed proposal's fill, read from its order and fills; null when nothing filled.</summary>
    public async Task<Alert?> FillAsync(ProposalChanged changed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var p = await context.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == changed.ProposalId, ct).ConfigureAwait(false);
        var order = await context.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.ProposalId == changed.ProposalId, ct).ConfigureAwait(false);
        if (p is null || order is null)
        {
            return null;
        }

        var fills = await context.Fills.AsNoTracking().Where(f => f.OrderId == order.Id).ToListAsync(ct).ConfigureAwait(false);
        var filled = fills.Sum(f => f.Count);
        if (filled <= 0m)
        {
            return null;
        }

        var cost = fills.Sum(f => f.Price * f.Count);
        var fee = fills.Sum(f => f.Fee);
        var average = decimal.Round(cost / filled, 4);
        var side = order.Side.ToUpperInvariant();
        var of = filled < order.Count ? $"; {Contracts(filled)} of {Contracts(order.Count)} ordered" : string.Empty;
        var title = $"Filled: {Contracts(filled)} {side} of {order.Ticker} at {Price(average)}";
        var text = $"{p.Title}\nCost {Dollars(cost)} + {Dollars(fee)} fee on the {order.Broker} broker{of}.";
        return new Alert(AlertKind.Fill, title, text, Link("portfolio"), changed.At)
        {
            Fields =
            [
                new("Market", order.Ticker),
                new("Side", side),
                new("Contracts", Contracts(filled)),
                new("Average price", Price(average)),
                new("Cost", Dollars(cost)),
                new("Fee", Dollars(fee)),
                new("Broker", order.Broker),
            ],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["proposalId"] = p.Id,
                ["orderId"] = order.Id,
                ["clientOrderId"] = order.ClientOrderId,
                ["ticker"] = order.Ticker,
                ["market"] = p.Title,
                ["side"] = order.Side,
                ["contracts"] = filled,
                ["ordered"] = order.Count,
                ["averagePrice"] = average,
                ["cost"] = cost,
                ["fee"] = fee,
                ["broker"] = order.Broker,
                ["fills"] = fills.Count,
            },
        };
    }

    /// <summary>The trading state moved from <paramref name="previous"/> (active, reducing or halted) to the event's.</summary>
    public Alert TradingState(RiskStateChanged changed, string previous)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var (title, text) = changed.State switch
        {
            "halted" => ("Trading halted", $"{changed.Reason ?? "The desk is halted."}\nNothing new is proposed or approved; resting entry orders are cancelled."),
            "reducing" => ("Desk reducing", $"{changed.Reason ?? "The book is above a cap of the preset in force."}\nNo new entries until exits, settlements or equity bring the book under the caps."),
            _ when previous == "halted" => ("Trading resumed", "The desk is active again: entries are allowed within the limits."),
            _ => ("Desk active again", "The book is back under the caps: entries are allowed within the limits."),
        };
        return new Alert(AlertKind.Breaker, title, text, Link("risk"), changed.At)
        {
            Fields = [new("State", $"{previous} → {changed.State}"), new("Since", NewYork(changed.At))],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["state"] = changed.State,
                ["previousState"] = previous,
                ["reason"] = changed.Reason,
            },
        };
    }

    /// <summary>
    /// The sit-out started or ended with this cycle: its <c>SitOut</c> against the previous cycle's. Only the start and the
    /// end are told (a reason's counts move every cycle); null when nothing changed.
    /// </summary>
    public async Task<Alert?> SitOutAsync(CycleCompleted completed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var cycle = await context.CycleRuns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == completed.CycleId, ct).ConfigureAwait(false);
        if (cycle is null)
        {
            return null;
        }

        var before = await context.CycleRuns.AsNoTracking()
            .Where(c => c.StartedAt < cycle.StartedAt && c.Id != cycle.Id)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new { c.SitOut })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var was = before?.SitOut;
        var now = cycle.SitOut;
        if ((was is null) == (now is null))
        {
            return null;
        }

        var (title, text) = now is not null
            ? ("Sitting out: every new entry pauses", $"{now}\nProposals resume once this clears.")
            : ("Sit-out over: entries resume", $"The cycle at {NewYork(cycle.StartedAt)} ran without a desk-wide sit-out (it was: {was}).");
        return new Alert(AlertKind.SitOut, title, text, Link("risk"), completed.At)
        {
            Fields = [new("Reason", now ?? was!), new("Cycle", NewYork(cycle.StartedAt))],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sittingOut"] = now is not null,
                ["reason"] = now ?? was,
                ["cycleId"] = cycle.Id,
            },
        };
    }

    /// <summary>The alert a "Send test" sends.</summary>
    public Alert Test(string actor, DateTimeOffset at) =>
        new(AlertKind.Test, "Test alert from KalshiDesk", $"Sent by {actor} from the Settings page at {NewYork(at)}. Alerts reach this channel.", Link(string.Empty), at)
        {
            Fields = [new("Sent by", actor)],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["actor"] = actor },
        };

    /// <summary>A dashboard page under <c>Notifications:PublicUrl</c>, or null when it is not set.</summary>
    public Uri? Link(string path) => options.Value.DashboardUrl is { } root ? new Uri(root, path) : null;

    /// <summary>$1,234.50; −$3.20.</summary>
    public static string Dollars(decimal amount) => CircuitBreaker.Dollars(amount);

    /// <summary>+$12.34, -$3.20, $0.00.</summary>
    public static string Signed(decimal amount) => amount > 0m ? "+" + Dollars(amount) : Dollars(amount);

    /// <summary>A contract price: $0.55, $0.0325.</summary>
    public static string Price(decimal dollars) => "$" + dollars.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Contracts(decimal count) => count.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Edge(double edge) => edge.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>0.66 → 66.0%.</summary>
    public static string Percent(double probability) => (probability * 100d).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>An instant as a New York wall clock: 2026-11-23 10:10 ET.</summary>
    public static string NewYork(DateTimeOffset at) =>
        at.ToOffset(NewYorkDay.OffsetAt(at)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " ET";
}
