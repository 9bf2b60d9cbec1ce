using Bunit;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scanner;
using KalshiDesk.Web.Components.Pages.Markets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

public sealed class MarketsPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 30, TimeSpan.Zero);
    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private readonly MarketScan _scan = new();

    public MarketsPageTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton(_scan);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private static ScannedMarket Row(int i, string decision = "skipped") =>
        new($"KXM-{i:000}", "KXM", $"Market {i}", "Weather", 0.40m, 0.45m, null, 0.425, 0.40, "no", i / 1000d, decision == "proposed" ? "proposed" : "priced", decision, decision == "proposed" ? null : $"minimum edge: edge {i / 1000d:0.0000} is below the preset's 0.03", At.AddDays(1));

    [Fact]
    public void Render_BeforeTheFirstCycle_SaysSo()
    {
        var page = _bunit.Render<MarketsPage>();

        Assert.Equal("Waiting for the first cycle.", page.Find("[aria-label='Scan summary']").TextContent.Trim());
        Assert.Contains("No cycle has run yet", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AfterACycle_ListsFiftyAPageLargestEdgeFirstWithReasons()
    {
        _scan.Publish(Guid.CreateVersion7(At), At, [.. Enumerable.Range(0, 120).Select(i => Row(i, i == 119 ? "proposed" : "skipped"))]);

        var page = _bunit.Render<MarketsPage>();

        var rows = page.FindAll("tr.kd-market-row");
        Assert.Equal(MarketsPage.PageSize, rows.Count);
        Assert.Contains("KXM-119", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("NO +0.1190", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("proposed", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("minimum edge: edge 0.1180 is below the preset's 0.03", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("120 markets match, from the cycle that finished at 2026-11-23 15:00:30 UTC.", page.Find("[aria-label='Scan summary']").TextContent.Trim());
    }

    [Fact]
    public async Task NextCycle_RedrawsWithoutAReload()
    {
        _scan.Publish(Guid.CreateVersion7(At), At, [Row(1)]);
        var page = _bunit.Render<MarketsPage>();

        _scan.Publish(Guid.CreateVersion7(At.AddMinutes(1)), At.AddMinutes(1), [Row(1), Row(2), Row(3)]);
        await _events.PublishAsync(new CycleCompleted(At.AddMinutes(1), Guid.CreateVersion7(At.AddMinutes(1)), 3, 0));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.kd-market-row").Count));
        Assert.StartsWith("3 markets match", page.Find("[aria-label='Scan summary']").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTicker_IsShownAsTextNeverMarkup()
    {
        _scan.Publish(Guid.CreateVersion7(At), At, [Row(1) with { Ticker = "<img src=x onerror=alert(1)>" }]);

        var page = _bunit.Render<MarketsPage>();

        Assert.Empty(page.FindAll("img[src='x']"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Markup, StringComparison.Ordinal);
    }
}
