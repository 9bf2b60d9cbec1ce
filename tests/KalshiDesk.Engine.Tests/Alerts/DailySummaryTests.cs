using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Engine.Risk;

namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>The daily summary's figures from a seeded ledger, counted over today's New York day only.</summary>
public sealed class DailySummaryTests
{
    // 17:00 in New York on 2026-11-23 (standard time, UTC−5).
    private static readonly DateTimeOffset FivePm = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Yesterday = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);

    // 04:30 UTC on the 23rd is 23:30 on the 22nd in New York: yesterday's.
    private static readonly DateTimeOffset LateYesterday = new(2026, 11, 23, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_AtFivePmNewYork_SendsTheDaysExactFigures()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var start = alerts.Now;

        // The breaker's first look of the day: $1,000 of paper cash is the day's start.
        await alerts.Desk.Get<RiskMonitor>().ObserveAsync();
        await using (var context = await alerts.Desk.Db.CreateDbContextAsync())
        {
            var executed = Proposal("KXHIGHNY-26NOV24-T60", start.AddMinutes(1), ProposalStatus.Executed, start.AddMinutes(2));
            context.Proposals.AddRange(
                executed,
                Proposal("KXBTC-26NOV24-B90000", start.AddMinutes(3), ProposalStatus.Rejected, start.AddMinutes(4)),
                Proposal("KXCPI-26NOV-T0.3", start.AddMinutes(5), ProposalStatus.Expired, start.AddMinutes(15)),
                Proposal("KXGDP-26Q4-T2.0", start.AddHours(6), ProposalStatus.Pending, null),
                Proposal("KXOLD-26NOV22-T1", Yesterday, ProposalStatus.Rejected, Yesterday.AddMinutes(5)),
                Proposal("KXLATE-26NOV22-T1", LateYesterday, ProposalStatus.Expired, LateYesterday.AddMinutes(10)));

            // Today: 44 YES at $0.55 with a $0.77 fee, marked at a 0.60 mid. Yesterday's fill does not count.
            var order = Guid.NewGuid();
            context.Orders.Add(new OrderEntity { Id = order, ProposalId = executed.Id, ClientOrderId = executed.ClientOrderId, Broker = "paper", Ticker = executed.Ticker, Side = "yes", LimitPrice = 0.55m, Count = 44m, Filled = 44m, Status = "executed", CreatedAt = start.AddMinutes(2) });
            context.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = order, Ticker = executed.Ticker, Side = "yes", Price = 0.55m, Count = 44m, Fee = 0.77m, IsTaker = true, CreatedAt = start.AddMinutes(2) });
            context.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = Guid.NewGuid(), Ticker = "KXOLD-26NOV22-T1", Side = "no", Price = 0.40m, Count = 10m, Fee = 0.17m, IsTaker = true, CreatedAt = Yesterday });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = start.AddMinutes(2), Kind = "buy", Amount = -24.20m, Ticker = executed.Ticker, OrderId = order });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = start.AddMinutes(2), Kind = "fee", Amount = -0.77m, Ticker = executed.Ticker, OrderId = order });
            context.Positions.Add(new PositionEntity { Ticker = executed.Ticker, EventTicker = executed.EventTicker, Title = executed.Title, Side = "yes", Contracts = 44m, Cost = 24.20m, FeesPaid = 0.77m, MarkYes = 0.60m, OpenedAt = start.AddMinutes(2), UpdatedAt = start.AddMinutes(2) });

            // A market settled today paid $10.00 for contracts that cost $6.50 and $0.20 in fees: +$3.30. Yesterday's does not count.
            context.Settlements.Add(new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXRAIN-26NOV23", Result = "yes", SettledAt = start.AddHours(4), Revenue = 10m, Cost = 6.50m, Fee = 0.20m, YesCount = 10m });
            context.Settlements.Add(new SettlementEntity { Id = Guid.NewGuid(), Ticker = "KXOLD-26NOV22-T1", Result = "yes", SettledAt = Yesterday, Revenue = 0m, Cost = 4m, Fee = 0.17m, NoCount = 10m });
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = start.AddHours(4), Kind = "payout", Amount = 10m, Ticker = "KXRAIN-26NOV23" });
            await context.SaveChangesAsync();
        }

        alerts.Desk.Time.SetUtcNow(FivePm);
        var queued = await alerts.Desk.Get<DailySummary>().SendAsync();
        await alerts.Answered("Webhook", 1);
        await alerts.Answered("Discord", 1);

        // Cash 1,000 − 24.20 − 0.77 + 10.00 = 985.03, and 44 × 0.60 = 26.40 held: equity 1,011.43, up 11.43 (1.143%).
        Assert.True(queued);
        var json = Assert.Single(alerts.Receiver.Webhook).Json;
        Assert.Equal(("daily-summary", "Daily summary for 2026-11-23", AlertDesk.PublicUrl), (json.GetProperty("kind").GetString(), json.GetProperty("title").GetString(), json.GetProperty("url").GetString()));
        Assert.Equal(
            """
            Equity $1,011.43; today +$11.43 (+1.14%) against $1,000.00 at the New York day's start.
            Proposals: 4 made, 1 approved, 1 rejected, 1 expired.
            Fills: 1 (44 contracts, $0.77 in fees).
            Settlements: 1 (P&L +$3.30).
            Trading state: active.
            """,
            json.GetProperty("text").GetString());
        Assert.Equal(FivePm, json.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("2026-11-23", json.GetProperty("day").GetString());
        Assert.Equal((1011.43m, 985.03m, 1000m, 11.43m), (json.GetProperty("equity").GetDecimal(), json.GetProperty("cash").GetDecimal(), json.GetProperty("dayStartEquity").GetDecimal(), json.GetProperty("dayPnl").GetDecimal()));
        Assert.Equal((4, 1, 1, 1), (json.GetProperty("proposalsMade").GetInt32(), json.GetProperty("proposalsApproved").GetInt32(), json.GetProperty("proposalsRejected").GetInt32(), json.GetProperty("proposalsExpired").GetInt32()));
        Assert.Equal((1, 44m, 0.77m, 1, 3.30m), (json.GetProperty("fills").GetInt32(), json.GetProperty("contractsFilled").GetDecimal(), json.GetProperty("fees").GetDecimal(), json.GetProperty("settlements").GetInt32(), json.GetProperty("settlementPnl").GetDecimal()));
        Assert.Equal("active", json.GetProperty("tradingState").GetString());

        var embed = Assert.Single(alerts.Receiver.Discord).Json.GetProperty("embeds")[0];
        Assert.Equal(json.GetProperty("text").GetString(), embed.GetProperty("description").GetString());
        Assert.Equal(
            [("Equity", "$1,011.43"), ("Today", "+$11.43"), ("Proposals", "4 made, 1 approved, 1 rejected, 1 expired"), ("Fills", "1 (44 contracts, $0.77 in fees)"), ("Settlements", "1 (P&L +$3.30)"), ("Trading state", "active")],
            embed.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task ComposeAsync_BeforeTheBreakersFirstLookOfTheDay_SaysTheDaysPnlIsNotMeasured()
    {
        await using var alerts = await AlertDesk.StartAsync();
        await using (var context = await alerts.Desk.Db.CreateDbContextAsync())
        {
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = alerts.Now, Kind = "fee", Amount = -24.97m });
            await context.SaveChangesAsync();
        }

        var summary = await alerts.Desk.Get<DailySummary>().ComposeAsync(FivePm);

        Assert.Equal(
            """
            Equity $975.03; today's P&L is not measured yet (the breaker has not looked at the account since the New York day began).
            Proposals: 0 made, 0 approved, 0 rejected, 0 expired.
            Fills: 0 (0 contracts, $0.00 in fees).
            Settlements: 0 (P&L $0.00).
            Trading state: active.
            """,
            summary.Text);
        Assert.Null(summary.Data["dayPnl"]);
    }

    [Fact]
    public async Task SendAsync_SummaryOff_SendsNothing()
    {
        await using var alerts = await AlertDesk.StartAsync(new() { ["Notifications:DailySummary"] = "false" });

        Assert.False(await alerts.Desk.Get<DailySummary>().SendAsync());
    }

    private static ProposalEntity Proposal(string ticker, DateTimeOffset created, ProposalStatus status, DateTimeOffset? decided)
    {
        var id = Guid.NewGuid();
        return new ProposalEntity
        {
            Id = id,
            CycleId = Guid.NewGuid(),
            CreatedAt = created,
            ExpiresAt = created.AddMinutes(10),
            Ticker = ticker,
            EventTicker = ticker[..ticker.LastIndexOf('-')],
            Title = ticker,
            Side = "yes",
            ProbabilityYes = 0.66,
            Price = 0.55m,
            Contracts = 44m,
            Cost = 24.20m,
            Fee = 0.77m,
            Edge = 0.05,
            Status = status,
            DecidedAt = decided,
            DecidedBy = decided is null || status == ProposalStatus.Expired ? null : "ada",
            ClientOrderId = $"kd-{id}",
        };
    }
}
