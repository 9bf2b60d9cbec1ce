using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.TestKit;
using KalshiDesk.Web.Tests.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests.Api;

/// <summary><c>GET /api/orders</c>, <c>/api/fills</c> and <c>/api/settlements</c>, as JSON and as CSV.</summary>
public class TradeHistoryApiTests(DeskApp desk) : IClassFixture<DeskApp>
{
    // A ticker and a title written to break a spreadsheet: a formula, quotes, a comma and a line break.
    private const string HostileTicker = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private const string HostileTitle = "Rain, \"heavy\"\nin Seattle";
    private static readonly Guid HostileOrder = Guid.Parse("0193f1a2-0000-7000-8000-0000000000a1");
    private static readonly Guid HostileFill = Guid.Parse("0193f1a2-0000-7000-8000-0000000000a2");
    private static readonly Guid HostileSettlement = Guid.Parse("0193f1a2-0000-7000-8000-0000000000a3");

    private const string OrdersHeader = "created_at,id,client_order_id,exchange_order_id,proposal_id,broker,ticker,title,side,action,price,count,filled,average_price,fee,status,expires_at,last_fill_at";
    private const string FillsHeader = "created_at,id,order_id,client_order_id,exchange_fill_id,broker,ticker,title,side,action,price,count,value,fee,liquidity";
    private const string SettlementsHeader = "settled_at,id,ticker,event_ticker,title,result,yes_count,no_count,revenue,cost,fee,pnl";

    private static readonly string HostileQuery = "ticker=" + Uri.EscapeDataString(HostileTicker);

    [Fact]
    public async Task OrdersAndFills_AfterApprovingAProposalInPaperMode_ShowTheOrderAndItsFill()
    {
        using var client = desk.Client();
        JsonElement? taker = null;
        await Eventually.Until(
            async () => (taker = (await client.GetFromJsonAsync<JsonElement[]>("/api/proposals?status=pending") ?? []).Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("route").GetString() == "taker")) is not null,
            TimeSpan.FromSeconds(60),
            "a taker proposal to approve");
        var proposal = taker!.Value;
        var id = proposal.GetProperty("id").GetGuid();
        var ticker = proposal.GetProperty("ticker").GetString()!;
        using (var approve = await client.PostAsync($"/api/proposals/{id}/approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        using var viewer = desk.Client(await ViewerToken.CreateAsync(desk.Services));
        var orders = await viewer.GetFromJsonAsync<JsonElement>($"/api/orders?ticker={ticker}");
        var fills = await viewer.GetFromJsonAsync<JsonElement>($"/api/fills?ticker={ticker}");
        var position = Assert.Single(await client.GetFromJsonAsync<JsonElement[]>("/api/positions") ?? [], p => p.GetProperty("ticker").GetString() == ticker);

        Assert.Equal((1, 0, 100), (orders.GetProperty("total").GetInt32(), orders.GetProperty("offset").GetInt32(), orders.GetProperty("limit").GetInt32()));
        var order = Assert.Single(orders.GetProperty("orders").EnumerateArray());
        var fill = Assert.Single(fills.GetProperty("fills").EnumerateArray());
        Assert.Equal(
            (id, "kd-" + id.ToString("N"), ticker, proposal.GetProperty("title").GetString(), proposal.GetProperty("side").GetString(), "buy", proposal.GetProperty("price").GetDecimal(), "executed", "paper"),
            (order.GetProperty("proposalId").GetGuid(), order.GetProperty("clientOrderId").GetString(), order.GetProperty("ticker").GetString(), order.GetProperty("title").GetString(), order.GetProperty("side").GetString(), order.GetProperty("action").GetString(), order.GetProperty("price").GetDecimal(), order.GetProperty("status").GetString(), order.GetProperty("broker").GetString()));
        var contracts = position.GetProperty("contracts").GetDecimal();
        var fee = position.GetProperty("feesPaid").GetDecimal();
        Assert.Equal((contracts, contracts, fee), (order.GetProperty("filled").GetDecimal(), order.GetProperty("count").GetDecimal(), order.GetProperty("fee").GetDecimal()));
        Assert.Equal(order.GetProperty("id").GetGuid(), fill.GetProperty("orderId").GetGuid());
        Assert.Equal(
            ("kd-" + id.ToString("N"), ticker, "buy", proposal.GetProperty("side").GetString(), contracts, fee, "taker", "paper"),
            (fill.GetProperty("clientOrderId").GetString(), fill.GetProperty("ticker").GetString(), fill.GetProperty("action").GetString(), fill.GetProperty("side").GetString(), fill.GetProperty("count").GetDecimal(), fill.GetProperty("fee").GetDecimal(), fill.GetProperty("liquidity").GetString(), fill.GetProperty("broker").GetString()));
        var price = fill.GetProperty("price").GetDecimal();
        Assert.Equal(order.GetProperty("averagePrice").GetDecimal(), price);
        Assert.True(price <= proposal.GetProperty("price").GetDecimal(), $"filled at {price}, limit {proposal.GetProperty("price")}");
        Assert.Equal(decimal.Round(price * contracts, 6), fill.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task OrdersCsv_HostileTickerAndTitle_AreQuotedAndCannotRunAsFormulas()
    {
        await SeedHostileAsync();

        using var response = await desk.Client().GetAsync($"/api/orders?{HostileQuery}&format=csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/csv", "utf-8"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet));
        Assert.Equal(("attachment", "orders.csv"), (response.Content.Headers.ContentDisposition!.DispositionType, response.Content.Headers.ContentDisposition.FileName));
        Assert.Equal(
            OrdersHeader + "\n"
            + "2025-11-20T15:00:00Z,0193f1a2-0000-7000-8000-0000000000a1,'@kd-evil,,,paper,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"Rain, \"\"heavy\"\"\nin Seattle\",no,buy,0.45,10,10,0.45,0.18,executed,,2025-11-20T15:00:01.5Z\n",
            text);
    }

    [Fact]
    public async Task FillsCsv_HostileTickerAndTitle_AreQuotedAndCannotRunAsFormulas()
    {
        await SeedHostileAsync();

        var text = await desk.Client().GetStringAsync($"/api/fills?{HostileQuery}&format=csv");

        Assert.Equal(
            FillsHeader + "\n"
            + "2025-11-20T15:00:01.5Z,0193f1a2-0000-7000-8000-0000000000a2,0193f1a2-0000-7000-8000-0000000000a1,'@kd-evil,,paper,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"Rain, \"\"heavy\"\"\nin Seattle\",no,buy,0.45,10,4.5,0.18,maker\n",
            text);
    }

    [Fact]
    public async Task SettlementsCsv_AskedForByTheAcceptHeader_KeepsNegativeNumbersAsNumbers()
    {
        await SeedHostileAsync();
        using var client = desk.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/settlements?{HostileQuery}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("settlements.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(
            SettlementsHeader + "\n"
            + "2025-11-21T05:30:00Z,0193f1a2-0000-7000-8000-0000000000a3,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",KXEVIL,\"Rain, \"\"heavy\"\"\nin Seattle\",no,0,10,0,4.5,0.18,-4.68\n",
            text);
    }

    [Fact]
    public async Task Settlements_AsJson_HaveTheirPnl()
    {
        await SeedHostileAsync();

        var body = await desk.Client().GetFromJsonAsync<JsonElement>($"/api/settlements?{HostileQuery}&format=json");

        var settlement = Assert.Single(body.GetProperty("settlements").EnumerateArray());
        Assert.Equal((HostileTicker, HostileTitle, "no", 0m, 4.5m, 0.18m, -4.68m), (settlement.GetProperty("ticker").GetString(), settlement.GetProperty("title").GetString(), settlement.GetProperty("result").GetString(), settlement.GetProperty("revenue").GetDecimal(), settlement.GetProperty("cost").GetDecimal(), settlement.GetProperty("fee").GetDecimal(), settlement.GetProperty("pnl").GetDecimal()));
    }

    [Fact]
    public async Task FillsCsv_SignedInWithACookie_Downloads()
    {
        await SeedHostileAsync();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = desk.BaseAddress };
        await AuthDeskApp.SignInAsync(browser, "admin", DeskApp.AdminPassword);

        using var response = await browser.GetAsync($"/api/fills?{HostileQuery}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fills.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith(FillsHeader + "\n2025-11-20T15:00:01.5Z,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/orders?limit=0", "limit", "limit must be between 1 and 1000; got 0.")]
    [InlineData("/api/orders?limit=1001&format=csv", "limit", "limit must be between 1 and 1000; got 1001.")]
    [InlineData("/api/fills?limit=abc", "limit", "limit must be a whole number; got 'abc'.")]
    [InlineData("/api/fills?offset=-1", "offset", "offset must be 0 or more; got -1.")]
    [InlineData("/api/settlements?offset=1.5", "offset", "offset must be a whole number; got '1.5'.")]
    [InlineData("/api/orders?format=xlsx", "format", "format must be json or csv; got 'xlsx'.")]
    public async Task Get_BadQuery_IsAProblemNamingTheParameter(string path, string field, string message)
    {
        using var response = await desk.Client().GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Get_TickerLongerThanKalshiAllows_IsAProblemNamingIt()
    {
        using var response = await desk.Client().GetAsync("/api/fills?ticker=" + new string('K', 201));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["ticker must be at most 200 characters; got 201."], body.GetProperty("errors").GetProperty("ticker").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/api/orders?format=csv")]
    [InlineData("/api/fills")]
    [InlineData("/api/settlements?format=csv")]
    public async Task Get_Unauthenticated_Is401(string path)
    {
        using var response = await desk.Client(token: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An order, its fill and a settlement in a market with a hostile ticker and title; once per app.</summary>
    private async Task SeedHostileAsync()
    {
        await using var context = await desk.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        if (await context.Orders.AnyAsync(o => o.Id == HostileOrder))
        {
            return;
        }

        var at = new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero);
        context.Orders.Add(new OrderEntity { Id = HostileOrder, ClientOrderId = "@kd-evil", Broker = "paper", Ticker = HostileTicker, Side = "no", LimitPrice = 0.45m, Count = 10m, Filled = 10m, Status = "executed", CreatedAt = at });
        context.Fills.Add(new FillEntity { Id = HostileFill, OrderId = HostileOrder, Ticker = HostileTicker, Side = "no", Price = 0.45m, Count = 10m, Fee = 0.18m, IsTaker = false, CreatedAt = at.AddSeconds(1.5) });
        // Closed: it shows its title and touches no equity.
        context.Positions.Add(new PositionEntity { Ticker = HostileTicker, EventTicker = "KXEVIL", Title = HostileTitle, Side = "no", Contracts = 0m, OpenedAt = at, UpdatedAt = at });
        context.Settlements.Add(new SettlementEntity { Id = HostileSettlement, Ticker = HostileTicker, EventTicker = "KXEVIL", Result = "no", SettledAt = new DateTimeOffset(2025, 11, 21, 5, 30, 0, TimeSpan.Zero), Revenue = 0m, NoCount = 10m, Cost = 4.5m, Fee = 0.18m });
        await context.SaveChangesAsync();
    }
}
