using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Alerts;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Risk;
using KalshiDesk.TestKit;

namespace KalshiDesk.Engine.Tests.Alerts;

/// <summary>Desk events to Discord and a webhook over real HTTP: what each alert says, and how it gets there.</summary>
public sealed class AlertSenderTests
{
    private const string RateLimited = """{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}""";

    [Fact]
    public async Task ProposalCreated_PostsOnceToDiscordAndOnceToTheWebhook_WithTheFactsAndALinkToIt()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var proposal = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalCreated(alerts.Now, proposal.Id, proposal.Ticker));
        await alerts.Answered("Discord", 1);
        await alerts.Answered("Webhook", 1);

        var link = $"{AlertDesk.PublicUrl}proposals?id={proposal.Id}";
        var discord = Assert.Single(alerts.Receiver.Discord).Json;
        Assert.Equal($"**New proposal: buy 44 YES of KXHIGHNY-26NOV24-T60 at $0.55**\n{link}", discord.GetProperty("content").GetString());
        var embed = Assert.Single(discord.GetProperty("embeds").EnumerateArray());
        Assert.Equal("New proposal: buy 44 YES of KXHIGHNY-26NOV24-T60 at $0.55", embed.GetProperty("title").GetString());
        Assert.Equal(link, embed.GetProperty("url").GetString());
        Assert.Equal(
            "Will the high temp in NYC be >60° on Nov 24, 2026?\nEdge 0.0927 net of fees; model 66.0% YES, market 58.0%. "
            + "Cost $24.20 + $0.77 fee (taker). Expires 2026-11-23 10:10 ET unless approved.",
            embed.GetProperty("description").GetString());
        Assert.Equal(
            [("Market", "KXHIGHNY-26NOV24-T60"), ("Side", "YES"), ("Price", "$0.55"), ("Contracts", "44"), ("Edge", "0.0927"), ("Cost", "$24.20 + $0.77 fee"), ("Model", "66.0% YES, market 58.0%"), ("Route", "taker"), ("Expires", "2026-11-23 10:10 ET")],
            embed.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("value").GetString())));
        Assert.Equal("2026-11-23T15:00:00.000Z", embed.GetProperty("timestamp").GetString());
        Assert.Empty(discord.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());

        var webhook = Assert.Single(alerts.Receiver.Webhook);
        Assert.Equal($"?secret={AlertReceiver.WebhookSecret}", webhook.Query);
        var json = webhook.Json;
        Assert.Equal("proposal", json.GetProperty("kind").GetString());
        Assert.Equal("New proposal: buy 44 YES of KXHIGHNY-26NOV24-T60 at $0.55", json.GetProperty("title").GetString());
        Assert.Equal(embed.GetProperty("description").GetString(), json.GetProperty("text").GetString());
        Assert.Equal(link, json.GetProperty("url").GetString());
        Assert.Equal(EngineHarness.Start, json.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(proposal.Id, json.GetProperty("proposalId").GetGuid());
        Assert.Equal("KXHIGHNY-26NOV24-T60", json.GetProperty("ticker").GetString());
        Assert.Equal("yes", json.GetProperty("side").GetString());
        Assert.Equal(0.55m, json.GetProperty("price").GetDecimal());
        Assert.Equal(44m, json.GetProperty("contracts").GetDecimal());
        Assert.Equal(0.0927, json.GetProperty("edge").GetDouble());
        Assert.Equal(24.20m, json.GetProperty("cost").GetDecimal());
        Assert.Equal(0.77m, json.GetProperty("fee").GetDecimal());
        Assert.Equal(0.66, json.GetProperty("probabilityYes").GetDouble());

        Assert.Equal([("Webhook", true, "sent"), ("Discord", true, "sent")], alerts.Sender.Recent.OrderByDescending(r => r.Destination).Select(r => (r.Destination, r.Sent, r.Outcome)));
        Assert.All(alerts.Sender.Destinations, d => Assert.Equal(0, d.Waiting));
    }

    [Fact]
    public async Task Fill_ReadsTheOrderAndItsFills_AndSaysWhatWasBoughtAtWhatAveragePrice()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var proposal = await alerts.ProposeAsync(status: ProposalStatus.Executed);
        var orderId = Guid.NewGuid();
        await using (var context = await alerts.Desk.Db.CreateDbContextAsync())
        {
            context.Orders.Add(new OrderEntity { Id = orderId, ProposalId = proposal.Id, ClientOrderId = proposal.ClientOrderId, Broker = "paper", Ticker = proposal.Ticker, Side = "yes", LimitPrice = 0.56m, Count = 50m, Filled = 44m, Status = "executed", CreatedAt = alerts.Now });
            context.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = orderId, Ticker = proposal.Ticker, Side = "yes", Price = 0.55m, Count = 30m, Fee = 0.53m, IsTaker = true, CreatedAt = alerts.Now });
            context.Fills.Add(new FillEntity { Id = Guid.NewGuid(), OrderId = orderId, Ticker = proposal.Ticker, Side = "yes", Price = 0.56m, Count = 14m, Fee = 0.25m, IsTaker = true, CreatedAt = alerts.Now });
            await context.SaveChangesAsync();
        }

        await alerts.PublishAsync(new ProposalChanged(alerts.Now, proposal.Id, ProposalStatus.Executed));
        await alerts.Answered("Webhook", 1);
        await alerts.Answered("Discord", 1);

        // 30 × 0.55 + 14 × 0.56 = 16.50 + 7.84 = 24.34 for 44: 0.553181… → $0.5532.
        var json = Assert.Single(alerts.Receiver.Webhook).Json;
        Assert.Equal("fill", json.GetProperty("kind").GetString());
        Assert.Equal("Filled: 44 YES of KXHIGHNY-26NOV24-T60 at $0.5532", json.GetProperty("title").GetString());
        Assert.Equal("Will the high temp in NYC be >60° on Nov 24, 2026?\nCost $24.34 + $0.78 fee on the paper broker; 44 of 50 ordered.", json.GetProperty("text").GetString());
        Assert.Equal($"{AlertDesk.PublicUrl}portfolio", json.GetProperty("url").GetString());
        Assert.Equal((44m, 50m, 0.5532m, 24.34m, 0.78m, 2), (json.GetProperty("contracts").GetDecimal(), json.GetProperty("ordered").GetDecimal(), json.GetProperty("averagePrice").GetDecimal(), json.GetProperty("cost").GetDecimal(), json.GetProperty("fee").GetDecimal(), json.GetProperty("fills").GetInt32()));
        var embed = Assert.Single(alerts.Receiver.Discord).Json.GetProperty("embeds")[0];
        Assert.Equal("Filled: 44 YES of KXHIGHNY-26NOV24-T60 at $0.5532", embed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OtherProposalChanges_SendNothing()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var rejected = await alerts.ProposeAsync("KXBTC-26NOV24-B90000", ProposalStatus.Rejected);
        var created = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalChanged(alerts.Now, rejected.Id, ProposalStatus.Rejected));
        await alerts.PublishAsync(new ProposalChanged(alerts.Now, rejected.Id, ProposalStatus.Approved));
        await alerts.PublishAsync(new ProposalCreated(alerts.Now, created.Id, created.Ticker));
        await alerts.Answered("Webhook", 1);

        // Events are written up in order: the proposal is the first and only alert.
        Assert.Equal(["proposal"], alerts.Receiver.Webhook.Select(r => r.Json.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task BreakerTrip_SendsTheHaltWithTheBreakersReason_AndTheSameStateAgainSendsNothing()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var monitor = alerts.Desk.Get<RiskMonitor>();
        await monitor.ObserveAsync();

        // $50 lost on a $1,000 day start: past balanced's 4% daily loss limit.
        await using (var context = await alerts.Desk.Db.CreateDbContextAsync())
        {
            context.Ledger.Add(new LedgerEntryEntity { Id = Guid.NewGuid(), At = alerts.Now, Kind = "fee", Amount = -50m, Note = "a loss" });
            await context.SaveChangesAsync();
        }

        var tripped = await monitor.ObserveAsync();
        await alerts.Answered("Webhook", 1);
        await alerts.Answered("Discord", 1);

        Assert.Equal(TradingState.Halted, tripped.State);
        var json = Assert.Single(alerts.Receiver.Webhook).Json;
        Assert.Equal(("breaker", "Trading halted"), (json.GetProperty("kind").GetString(), json.GetProperty("title").GetString()));
        Assert.Equal($"{tripped.Reason}\nNothing new is proposed or approved; resting entry orders are cancelled.", json.GetProperty("text").GetString());
        Assert.Equal(("halted", "active"), (json.GetProperty("state").GetString(), json.GetProperty("previousState").GetString()));
        Assert.Equal($"{AlertDesk.PublicUrl}risk", json.GetProperty("url").GetString());
        Assert.StartsWith("daily loss", tripped.Reason, StringComparison.Ordinal);
        Assert.Equal("Trading halted", Assert.Single(alerts.Receiver.Discord).Json.GetProperty("embeds")[0].GetProperty("title").GetString());

        // A preset change republishes the state it leaves the desk in; then an admin resumes.
        await alerts.PublishAsync(new RiskStateChanged(alerts.Now, "halted", tripped.Reason));
        await alerts.PublishAsync(new RiskStateChanged(alerts.Now, "active", null));
        await alerts.Answered("Webhook", 2);

        Assert.Equal(["Trading halted", "Trading resumed"], alerts.Receiver.Webhook.Select(r => r.Json.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task SitOut_StartingWithThisCycle_IsSent_AndItsEndToo_ButNotWhileItLasts()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var start = alerts.Now;
        var reason = "exchange not trading: the exchange is closed for maintenance";
        Guid[] cycles = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        string?[] sitOuts = [null, reason, reason + " (still)", null];
        await using (var context = await alerts.Desk.Db.CreateDbContextAsync())
        {
            for (var i = 0; i < cycles.Length; i++)
            {
                context.CycleRuns.Add(new CycleRunEntity { Id = cycles[i], StartedAt = start.AddMinutes(i), FinishedAt = start.AddMinutes(i).AddSeconds(5), Preset = "balanced", SitOut = sitOuts[i] });
            }

            await context.SaveChangesAsync();
        }

        foreach (var (cycle, i) in cycles.Select((c, i) => (c, i)))
        {
            await alerts.PublishAsync(new CycleCompleted(start.AddMinutes(i).AddSeconds(5), cycle, 40, 0));
        }

        await alerts.Answered("Webhook", 2);
        await alerts.Answered("Discord", 2);

        var sent = alerts.Receiver.Webhook.Select(r => r.Json).ToList();
        Assert.Equal(["Sitting out: every new entry pauses", "Sit-out over: entries resume"], sent.Select(j => j.GetProperty("title").GetString()));
        Assert.Equal(("sit-out", true, reason), (sent[0].GetProperty("kind").GetString(), sent[0].GetProperty("sittingOut").GetBoolean(), sent[0].GetProperty("reason").GetString()));
        Assert.Equal($"{reason}\nProposals resume once this clears.", sent[0].GetProperty("text").GetString());
        Assert.Equal(cycles[1], sent[0].GetProperty("cycleId").GetGuid());
        Assert.Equal($"The cycle at 2026-11-23 10:03 ET ran without a desk-wide sit-out (it was: {reason} (still)).", sent[1].GetProperty("text").GetString());
        Assert.Equal(2, alerts.Receiver.Discord.Count);
    }

    [Fact]
    public async Task TooManyRequests_WaitsDiscordsRetryAfter_AndTheAlertArrivesOnce()
    {
        await using var alerts = await AlertDesk.StartAsync();
        alerts.Receiver.Then(AlertReceiver.DiscordPath, AlertReceiver.Reply(429, RateLimited, ("Retry-After", "30")));
        var proposal = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalCreated(alerts.Now, proposal.Id, proposal.Ticker));
        await alerts.Answered("Discord", 1);

        var attempts = alerts.Receiver.Discord;
        Assert.Equal([429, 204], attempts.Select(a => a.Status));
        Assert.Equal(attempts[0].Body, attempts[1].Body);

        // Discord's retry_after (2.5 s, in the body) is what the desk waited, not the header's whole seconds.
        var waited = attempts[1].At - attempts[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        var outcome = Assert.Single(alerts.Sender.Recent, r => r.Destination == "Discord");
        Assert.Equal((true, "sent"), (outcome.Sent, outcome.Outcome));
        Assert.Single(alerts.Receiver.Webhook);
    }

    [Fact]
    public async Task ServerError_IsRetried_AndTheAlertIsDeliveredOnce()
    {
        await using var alerts = await AlertDesk.StartAsync();
        alerts.Receiver.Then(AlertReceiver.WebhookPath, AlertReceiver.Reply(500, """{"error": "database unavailable"}"""));
        var proposal = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalCreated(alerts.Now, proposal.Id, proposal.Ticker));
        await alerts.Answered("Webhook", 1);

        Assert.Equal([500, 200], alerts.Receiver.Webhook.Select(a => a.Status));
        Assert.Single(alerts.Receiver.Webhook, a => a.Status == 200);
        var outcome = Assert.Single(alerts.Sender.Recent, r => r.Destination == "Webhook");
        Assert.Equal((true, "sent"), (outcome.Sent, outcome.Outcome));
    }

    [Fact]
    public async Task BadRequest_IsNotRetried_AndIsRecordedAsFailedWithTheAnswer()
    {
        await using var alerts = await AlertDesk.StartAsync();
        alerts.Receiver.Then(AlertReceiver.WebhookPath, AlertReceiver.Reply(400, """{"error": "unexpected field"}"""));
        var proposal = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalCreated(alerts.Now, proposal.Id, proposal.Ticker));
        await alerts.Answered("Webhook", 1);

        Assert.Equal([400], alerts.Receiver.Webhook.Select(a => a.Status));
        var outcome = Assert.Single(alerts.Sender.Recent, r => r.Destination == "Webhook");
        Assert.Equal((AlertKind.Proposal, false, "Webhook answered 400 Bad Request"), (outcome.Kind, outcome.Sent, outcome.Outcome));
        Assert.Contains(alerts.Logs.Lines, l => l.Contains("Alert proposal not sent to Webhook (127.0.0.1/…): Webhook answered 400 Bad Request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Burst_AboveMaxPerMinute_IsPaced_NoneLostAndNoMinuteAboveTheRate()
    {
        await using var alerts = await AlertDesk.StartAsync(new() { ["Notifications:MaxPerMinute"] = "3" });
        var proposals = new List<ProposalEntity>();
        for (var i = 0; i < 7; i++)
        {
            proposals.Add(await alerts.ProposeAsync($"KXBURST-26NOV24-T{i}"));
        }

        foreach (var p in proposals)
        {
            await alerts.PublishAsync(new ProposalCreated(alerts.Now, p.Id, p.Ticker));
        }

        // Three go at once; the rest wait for the clock: nothing more arrives while it stands still.
        await Eventually.Until(() => alerts.Receiver.Discord.Count == 3 && alerts.Sender.Destinations.All(d => d.Waiting == 4), AlertDesk.Wait, "the first three sent, four waiting");
        Assert.Equal(3, alerts.Receiver.Webhook.Count);

        await alerts.Answered("Discord", 7, TimeSpan.FromSeconds(5));
        await alerts.Answered("Webhook", 7, TimeSpan.FromSeconds(5));

        foreach (var arrivals in new[] { alerts.Receiver.Discord, alerts.Receiver.Webhook })
        {
            Assert.Equal(proposals.Select(p => p.Ticker).Order(), arrivals.Select(Ticker).Order());
            var at = arrivals.Select(a => a.At).Order().ToList();
            Assert.Equal([EngineHarness.Start, EngineHarness.Start, EngineHarness.Start], at.Take(3));
            for (var i = 3; i < at.Count; i++)
            {
                Assert.True(at[i] - at[i - 3] >= TimeSpan.FromMinutes(1), $"sends {i - 3} and {i} were {at[i] - at[i - 3]} apart: four within a minute");
            }

            Assert.True(at[^1] - at[0] >= TimeSpan.FromMinutes(2), "seven alerts at three a minute span at least two minutes");
            Assert.Equal(7, arrivals.Count);
        }

        Assert.All(alerts.Sender.Recent, r => Assert.True(r.Sent));
    }

    [Fact]
    public async Task NoMessageOrLogLine_EverCarriesTheWebhookTokensOrTheKalshiKey()
    {
        await using var alerts = await AlertDesk.StartAsync();
        var unauthorized = AlertReceiver.Reply(401, """{"message": "Invalid Webhook Token", "code": 50027}""");
        alerts.Receiver.Then(AlertReceiver.DiscordPath, AlertReceiver.Reply(429, RateLimited), unauthorized, unauthorized);
        alerts.Receiver.Then(AlertReceiver.WebhookPath, AlertReceiver.Reply(500), AlertReceiver.Reply(400));

        // A reason that quotes the secrets (as an exception's text might): they leave the desk masked.
        var leaky = $"kill switch pulled by ada (key {AlertDesk.KalshiKeyId}, {AlertDesk.KalshiPrivateKeyBody}, {AlertReceiver.DiscordUrl}, {alerts.Receiver.WebhookUrl})";
        await alerts.PublishAsync(new RiskStateChanged(alerts.Now, "halted", leaky));
        await alerts.Answered("Discord", 1);
        await alerts.Answered("Webhook", 1);
        var tests = await alerts.Sender.SendTestAsync("ada");

        string[] secrets = [AlertReceiver.DiscordToken, AlertReceiver.WebhookSecret, AlertDesk.KalshiKeyId, AlertDesk.KalshiPrivateKeyBody, "112233445566778899"];
        var bodies = alerts.Receiver.All.Select(r => r.Body).ToList();
        var shown = alerts.Sender.Recent.Select(r => r.Outcome + r.Title).Concat(tests.Select(t => t.Outcome + t.Host)).ToList();
        Assert.NotEmpty(alerts.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(alerts.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, s => s.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains("kill switch pulled by ada (key …, …, …, …)", Assert.Single(alerts.Receiver.Webhook, r => r.Status == 400).Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal([("Discord", "discord.com/…", false, "Discord answered 401 Unauthorized"), ("Webhook", "127.0.0.1/…", true, "sent")], tests.Select(t => (t.Destination, t.Host, t.Sent, t.Outcome)));
        Assert.Equal(["discord.com/…", "127.0.0.1/…"], alerts.Sender.Destinations.Select(d => d.Host));
    }

    [Fact]
    public async Task SendTest_WithNothingConfigured_SaysSoForEachDestination_AndSendsNothing()
    {
        await using var alerts = await AlertDesk.StartAsync(new() { ["Notifications:Discord:WebhookUrl"] = "", ["Notifications:Webhook:Url"] = null });

        var results = await alerts.Sender.SendTestAsync("ada");

        Assert.Equal(
            [("Discord", (string?)null, false, "no Discord webhook configured (Notifications:Discord:WebhookUrl)"), ("Webhook", null, false, "no webhook configured (Notifications:Webhook:Url)")],
            results.Select(r => (r.Destination, r.Host, r.Sent, r.Outcome)));
        Assert.Empty(alerts.Receiver.All);
        Assert.All(alerts.Sender.Destinations, d => Assert.False(d.Configured));
    }

    [Fact]
    public async Task KindSwitchedOff_IsNotSent()
    {
        await using var alerts = await AlertDesk.StartAsync(new() { ["Notifications:Proposals"] = "false" });
        var proposal = await alerts.ProposeAsync();

        await alerts.PublishAsync(new ProposalCreated(alerts.Now, proposal.Id, proposal.Ticker));
        await alerts.PublishAsync(new RiskStateChanged(alerts.Now, "halted", "kill switch pulled by ada"));
        await alerts.Answered("Webhook", 1);

        Assert.Equal(["breaker"], alerts.Receiver.Webhook.Select(r => r.Json.GetProperty("kind").GetString()));
    }

    private static string Ticker(AlertReceiver.Received received) =>
        received.Json.TryGetProperty("ticker", out var ticker)
            ? ticker.GetString()!
            : received.Json.GetProperty("embeds")[0].GetProperty("fields")[0].GetProperty("value").GetString()!;
}
