using Bunit;
using KalshiDesk.Data;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Portfolio;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Web.Api;
using KalshiDesk.Web.Components.Pages.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Overview page rendered with the real app's services (database, Sandbox, the desk's cycles).</summary>
public sealed class OverviewPageTests(DeskApp desk) : IClassFixture<DeskApp>, IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    public Task InitializeAsync()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton(desk.Services.GetRequiredService<IDeskEvents>());
        _bunit.Services.AddTransient(_ => desk.Services.GetRequiredService<DeskStatusReader>());
        _bunit.Services.AddTransient(_ => desk.Services.GetRequiredService<PortfolioReader>());
        _bunit.Services.AddTransient(_ => desk.Services.GetRequiredService<PresetProvider>());
        _bunit.Services.AddTransient(_ => desk.Services.GetRequiredService<PnlReader>());
        _bunit.Services.AddSingleton(desk.Services.GetRequiredService<TimeProvider>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    [Fact]
    public async Task Render_FlatPaperDesk_ShowsExposureAgainstTheBalancedCapAndTheFunnel()
    {
        // A cycle of its own beside the app's start cycle would fetch every series twice at once and overflow the
        // exchange's read queue: it runs once the start cycle is done.
        await StartCycleFinishedAsync();
        await desk.Services.GetRequiredService<TradingCycle>().RunAsync();

        var page = _bunit.Render<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(
            "$0.00 open of the $300.00 total cap (0.0%), in 0 positions.",
            page.Find("[aria-label='Exposure against the caps']").TextContent.Trim()));
        Assert.NotNull(page.Find("[aria-label^='Chart of open cost']"));
        Assert.NotNull(page.Find("[aria-label^='Chart of markets reaching']"));
        Assert.NotNull(page.Find("[aria-label^=\"Chart of the desk's equity\"] svg"));
        Assert.NotNull(page.Find("[aria-label^='Chart of the daily P&L'] svg"));
        Assert.Matches(@"^\d+ scanned → \d+ priced → \d+ edge → \d+ sized → \d+ risk-passed → \d+ proposed$", page.Find("[aria-label='Decision funnel']").TextContent.Trim());
        Assert.Matches(@"^Paper book: Sqlite file .+/desk-paper\.db$", page.Find("[aria-label='Book']").TextContent.Trim());
    }

    /// <summary>Completes once the app's start cycle has saved its run.</summary>
    private async Task StartCycleFinishedAsync()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = desk.Services.GetRequiredService<IDeskEvents>().Subscribe(e =>
        {
            if (e is CycleCompleted)
            {
                finished.TrySetResult();
            }

            return Task.CompletedTask;
        });
        await using var context = await desk.Services.GetRequiredService<IDbContextFactory<DeskDbContext>>().CreateDbContextAsync();
        if (!await context.CycleRuns.AnyAsync())
        {
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
    }
}
