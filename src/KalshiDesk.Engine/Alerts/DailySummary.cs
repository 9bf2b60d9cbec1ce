using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KalshiDesk.Engine.Alerts;

/// <summary>
/// The day's summary: equity and the day's P&amp;L against the equity the breaker took at the New York day's start,
/// proposals made, approved, rejected and expired, fills, settlements and the trading state, all from the start of
/// today's New York day until now. Sums run in memory: SQLite cannot add decimals exactly.
/// </summary>
public sealed class DailySummary(
    IDbContextFactory<DeskDbContext> db,
    PortfolioReader portfolio,
    AlertComposer composer,
    IAlertSender sender,
    IOptions<AlertOptions> options,
    TimeProvider time)
{
    /// <summary>Writes today's summary and queues it; false when the summary is off or nothing is configured.</summary>
    public async Task<bool> SendAsync(CancellationToken ct = default)
    {
        if (!options.Value.DailySummary || !options.Value.HasDestination)
        {
            return false;
        }

        var alert = await ComposeAsync(time.GetUtcNow(), ct).ConfigureAwait(false);
        return sender.Enqueue(alert);
    }

    /// <summary>The summary of the New York day <paramref name="now"/> falls on, up to <paramref name="now"/>.</summary>
    public async Task<Alert> ComposeAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var day = NewYorkDay.Of(now);

        // In UTC: SQLite compares the stored times by their clock ticks, and the desk stores them in UTC.
        var start = NewYorkDay.StartOf(day).ToUniversalTime();
        now = now.ToUniversalTime();
        var account = await portfolio.ReadAsync(ct).ConfigureAwait(false);
        await using var context = await db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var state = await RiskStateStore.ReadAsync(context, ct).ConfigureAwait(false);
        var made = await context.Proposals.AsNoTracking().CountAsync(p => p.CreatedAt >= start && p.CreatedAt <= now, ct).ConfigureAwait(false);
        var decided = await context.Proposals.AsNoTracking()
            .Where(p => p.DecidedAt >= start && p.DecidedAt <= now)
            .Select(p => p.Status)
            .ToListAsync(ct).ConfigureAwait(false);

        // Approved: a person said yes, whatever the execution then did (executed, failed, still resting).
        var approved = decided.Count(s => s is ProposalStatus.Approved or ProposalStatus.Executed or ProposalStatus.Failed);
        var rejected = decided.Count(s => s == ProposalStatus.Rejected);
        var expired = decided.Count(s => s == ProposalStatus.Expired);
        var fills = await context.Fills.AsNoTracking()
            .Where(f => f.CreatedAt >= start && f.CreatedAt <= now)
            .Select(f => new { f.Count, f.Fee })
            .ToListAsync(ct).ConfigureAwait(false);
        var settlements = await context.Settlements.AsNoTracking()
            .Where(s => s.SettledAt >= start && s.SettledAt <= now)
            .ToListAsync(ct).ConfigureAwait(false);
        var contracts = fills.Sum(f => f.Count);
        var fees = fills.Sum(f => f.Fee);
        var settled = settlements.Sum(s => s.Pnl);
        var tradingState = CircuitBreaker.Name(state?.State ?? TradingState.Active);

        // The day's start is the breaker's: the equity at its first look of the New York day.
        decimal? dayStart = state is not null && state.TradingDay == day ? state.DayStartEquity : null;
        decimal? dayPnl = dayStart is { } opening ? account.Equity - opening : null;
        var today = dayStart is { } from && dayPnl is { } pnl
            ? $"today {AlertComposer.Signed(pnl)}{Share(pnl, from)} against {AlertComposer.Dollars(from)} at the New York day's start"
            : "today's P&L is not measured yet (the breaker has not looked at the account since the New York day began)";
        var proposals = string.Create(CultureInfo.InvariantCulture, $"{made} made, {approved} approved, {rejected} rejected, {expired} expired");
        var filled = string.Create(CultureInfo.InvariantCulture, $"{fills.Count} ({AlertComposer.Contracts(contracts)} contracts, {AlertComposer.Dollars(fees)} in fees)");
        var paid = string.Create(CultureInfo.InvariantCulture, $"{settlements.Count} (P&L {AlertComposer.Signed(settled)})");
        var stateText = state?.Reason is { } reason ? $"{tradingState}: {reason}" : tradingState;
        var text = string.Join(
            '\n',
            $"Equity {AlertComposer.Dollars(account.Equity)}; {today}.",
            $"Proposals: {proposals}.",
            $"Fills: {filled}.",
            $"Settlements: {paid}.",
            $"Trading state: {stateText}.");
        var title = $"Daily summary for {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return new Alert(AlertKind.DailySummary, title, text, composer.Link(string.Empty), now)
        {
            Fields =
            [
                new("Equity", AlertComposer.Dollars(account.Equity)),
                new("Today", dayPnl is { } change ? AlertComposer.Signed(change) : "not measured"),
                new("Proposals", proposals),
                new("Fills", filled),
                new("Settlements", paid),
                new("Trading state", tradingState),
            ],
            Data = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["day"] = day,
                ["equity"] = account.Equity,
                ["cash"] = account.Cash,
                ["dayStartEquity"] = dayStart,
                ["dayPnl"] = dayPnl,
                ["proposalsMade"] = made,
                ["proposalsApproved"] = approved,
                ["proposalsRejected"] = rejected,
                ["proposalsExpired"] = expired,
                ["fills"] = fills.Count,
                ["contractsFilled"] = contracts,
                ["fees"] = fees,
                ["settlements"] = settlements.Count,
                ["settlementPnl"] = settled,
                ["tradingState"] = tradingState,
                ["tradingStateReason"] = state?.Reason,
            },
        };
    }

    /// <summary>" (+1.23%)" of the day's start; nothing when the start is zero.</summary>
    private static string Share(decimal pnl, decimal from) =>
        from == 0m ? string.Empty : $" ({(pnl > 0m ? "+" : string.Empty)}{CircuitBreaker.Percent(decimal.Round(pnl / from, 6))})";
}
