namespace KalshiDesk.TestKit.Tests;

public sealed class BrowserFixtureTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ProposalPage = """
        <!doctype html>
        <html>
          <head><meta charset="utf-8"><title>Proposal</title></head>
          <body>
            <h1 id="heading">Proposal KXFED-25DEC</h1>
            <p id="status">Pending</p>
            <button id="approve" onclick="document.getElementById('status').textContent = 'Approved'">Approve</button>
          </body>
        </html>
        """;

    [Fact]
    public async Task NewPageAsync_DataUrlPage_ReadsHeadingAndClickChangesText()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("data:text/html," + Uri.EscapeDataString(ProposalPage));
        var heading = await page.Locator("h1").TextContentAsync();
        await page.ClickAsync("#approve");

        Assert.Equal("Proposal KXFED-25DEC", heading);
        await Eventually.Until(
            async () => await page.Locator("#status").TextContentAsync() == "Approved",
            TimeSpan.FromSeconds(10),
            "clicking Approve sets the status to Approved");
    }

    [Fact]
    public async Task NewPageAsync_PageServedOnLoopback_LoadsItOverHttp()
    {
        await using var server = LoopbackPageServer.Start(ProposalPage);
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync(server.Address.ToString());
        await page.ClickAsync("text=Approve");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Proposal", await page.TitleAsync());
        Assert.Equal("Approved", await page.Locator("#status").TextContentAsync());
        Assert.True(server.Requests >= 1, "the page came from the loopback server");
    }

    [Fact]
    public async Task NewPageAsync_TwoPages_HaveSeparateContextsWith1280x800Viewport()
    {
        var first = await browser.NewPageAsync();
        var second = await browser.NewPageAsync();

        var width = await first.EvaluateAsync<int>("() => window.innerWidth");
        var height = await first.EvaluateAsync<int>("() => window.innerHeight");

        Assert.Equal(1280, width);
        Assert.Equal(800, height);
        Assert.NotSame(first.Context, second.Context);
        Assert.Contains("Chrom", await first.EvaluateAsync<string>("() => navigator.userAgent"), StringComparison.Ordinal);
    }
}
