using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data.Entities;
using KalshiDesk.Domain.Proposals;
using KalshiDesk.Engine.Brokers;
using KalshiDesk.Engine.Markets;
using KalshiDesk.Engine.Proposals;
using Microsoft.EntityFrameworkCore;

namespace KalshiDesk.Engine.Tests.Brokers;

public class MakerRouteLiveTests
{
    [Fact]
    public async Task Approve_MakerRouteAgainstTheSandbox_RestsAPostOnlyBidThatExpiresWithTheLifetime()
    {
        await using var desk = await EngineHarness.WithSandboxAsync(live: true);
        var market = (await desk.Get<MarketFeed>().GetOpenMarketsAsync())
            .First(m => m.YesBid is { Dollars: >= 0.10m and <= 0.70m } && m.Spread is > 0m and <= 0.06m && m.CloseTime > EngineHarness.Start.AddHours(2));
        var bid = market.YesBid!.Value.Dollars;
        var id = Guid.CreateVersion7(EngineHarness.Start);
        await using (var context = await desk.Db.CreateDbContextAsync())
        {
            context.Proposals.Add(new ProposalEntity
            {
                Id = id,
                CycleId = id,
                CreatedAt = EngineHarness.Start,
                ExpiresAt = EngineHarness.Start.AddMinutes(10),
                Ticker = market.Ticker,
                EventTicker = market.EventTicker,
                Title = market.Title,
                Side = "yes",
                ProbabilityYes = (double)bid + 0.2,
                Price = bid,
                Contracts = 2m,
                Cost = 2m * bid,
                Fee = 0.01m,
                Edge = 0.19,
                KellyFraction = 0.3,
                Preset = "balanced",
                Route = ProposalService.MakerRoute,
                FillProbability = 0.5,
                Status = ProposalStatus.Pending,
                ClientOrderId = "kd-" + id.ToString("N"),
            });
            await context.SaveChangesAsync();
        }

        var result = await desk.Get<ProposalService>().ApproveAsync(id, "alice");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(ProposalStatus.Approved, result.Status);
        using var http = desk.SandboxClient();
        var orders = await http.GetFromJsonAsync<JsonElement>("portfolio/orders");
        var sent = orders.GetProperty("orders").EnumerateArray().Single();
        Assert.Equal("resting", sent.GetProperty("status").GetString());
        Assert.Equal(bid, decimal.Parse(sent.GetProperty("yes_price_dollars").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(EngineHarness.Start.AddMinutes(15), DateTimeOffset.Parse(sent.GetProperty("expiration_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        await using var after = await desk.Db.CreateDbContextAsync();
        Assert.Equal(OrderStatuses.Resting, (await after.Orders.SingleAsync()).Status);
    }
}
