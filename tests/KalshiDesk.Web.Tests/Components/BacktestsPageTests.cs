using Bunit;
using Bunit.TestDoubles;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Events;
using KalshiDesk.TestKit.Builders;
using KalshiDesk.Web.Components.Pages.Backtests;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

/// <summary>The Backtests page over a real <see cref="BacktestRuns"/>, the desk's event bus and a samples folder, as each role sees it.</summary>
public sealed class BacktestsPageTests : IAsyncLifetime
{
    private const string Tiny = "tiny.csv";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private readonly DirectoryInfo _samples = Directory.CreateTempSubdirectory("kalshidesk-backtests-page-");
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly BunitAuthorizationContext _auth;
    private readonly BacktestRuns _runs;

    public BacktestsPageTests()
    {
        File.WriteAllText(Path.Combine(_samples.FullName, Tiny), SettledRecordingCsv.Write(120));
        var options = Options.Create(new BacktestsOptions());

        // The replay reports where it is, waits for the test to let it go on, then runs for real.
        _runs = new BacktestRuns(_events, new FakeTimeProvider(Now), options, NullLogger<BacktestRuns>.Instance, async (data, o, progress, ct) =>
        {
            progress.Report(new BacktestProgress(60, data.Updates, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), SettledRecordingCsv.Start.AddDays(5), 12));
            await _gate.Task.WaitAsync(ct);
            return await Backtester.RunAsync(data, o, progress, ct);
        });
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton(_runs);
        _bunit.Services.AddSingleton(new BacktestSamples(_samples.FullName));
        _bunit.Services.AddSingleton(options);
        _auth = _bunit.AddAuthorization();
        _auth.SetAuthorized("ada").SetPolicies("Viewer", "Trader");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        _runs.Dispose();
        await _bunit.DisposeAsync();
        _samples.Delete(true);
    }

    [Fact]
    public async Task Start_OnASample_DrawsTheProgressFromEvents_ThenTheResultsWithoutAReload()
    {
        var page = _bunit.Render<BacktestsPage>();
        Assert.Contains("No backtest has run since the desk started", page.Find(".kd-empty").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("button[aria-label='Start backtest']").Click());

        page.WaitForAssertion(() => Assert.Equal("25%: 60 of 240 updates, 12 trades so far, about 3 s left; the recording's clock at 2026-09-06 00:00:00 UTC.", Text(page, "Progress")), Wait);
        Assert.Equal("25", page.Find("[aria-label='Backtest progress']").GetAttribute("aria-valuenow"));
        Assert.Equal("running", Text(page, "Backtest status"));
        Assert.Equal("$1,000.00 starting cash, the whole recording; started by ada at 2026-11-24 14:00:00 UTC.", Text(page, "Backtest settings"));
        Assert.NotNull(page.Find("button[aria-label='Cancel backtest']"));

        _gate.SetResult();

        page.WaitForAssertion(() => Assert.Equal("completed", Text(page, "Backtest status")), Wait);
        Assert.Equal("+$7,911.44", Text(page, "Profit and loss after fees"));
        Assert.Equal("ROI +791.14%: $1,000.00 → $8,911.44", Text(page, "Return on starting cash"));
        Assert.Equal("91", Text(page, "Trades"));
        Assert.StartsWith("$357.89 in fees", Text(page, "Fees"), StringComparison.Ordinal);
        Assert.Equal("13.27%", Text(page, "Max drawdown"));
        Assert.Equal("0.2720 vs 0.3492", Text(page, "Brier score, desk versus market"));
        Assert.Equal("desk 0.2435–0.3025, market 0.3153–0.3827", Text(page, "Brier score intervals"));
        Assert.Equal("scanned 240 → priced 240 → edge 129 → sized 129 → risk-passed 91 → proposed 91 → filled 91", Text(page, "Decision funnel"));
        Assert.Equal(["economics", "weather"], page.FindAll("[aria-label='Backtest categories'] tbody td[data-label='Category']").Select(c => c.TextContent.Trim()));
        Assert.Equal(10, page.FindAll("[aria-label='Backtest trades'] tbody tr").Count);
        foreach (var chart in new[] { "backtest's equity", "backtest's drawdown", "decision funnel", "P&L after fees per category" })
        {
            Assert.NotNull(page.Find($"[aria-label^=\"Chart of the {chart}\"] svg"));
        }

        var row = Assert.Single(page.FindAll("[aria-label='Recent backtests'] tbody tr"));
        Assert.Equal("+791.14%", row.QuerySelector("td[data-label='ROI after fees']")!.TextContent.Trim());
    }

    [Fact]
    public void Render_AsViewer_ShowsAnotherTradersRunButNoWayToStartOrCancel()
    {
        _auth.SetAuthorized("vic").SetPolicies("Viewer");
        var page = _bunit.Render<BacktestsPage>();

        var data = SettledCsvRecording.Load(Path.Combine(_samples.FullName, Tiny));
        var start = _runs.Start(data, new BacktestRequest(Tiny, Domain.Risk.RiskPresets.Aggressive, null, null, 500m), "ada");
        Assert.True(start.Started);

        page.WaitForAssertion(() => Assert.Equal("25", page.Find("[aria-label='Backtest progress']").GetAttribute("aria-valuenow")), Wait);
        Assert.Empty(page.FindAll("button[aria-label='Start backtest']"));
        Assert.Empty(page.FindAll("button[aria-label='Cancel backtest']"));
        Assert.Equal("Starting a backtest needs the trader role; you can follow runs and read their results here.", Text(page, "Starting backtests"));

        _gate.SetResult();
        page.WaitForAssertion(() => Assert.Equal("completed", Text(page, "Backtest status")), Wait);
        Assert.Equal($"{Tiny} · aggressive", page.Find("[aria-label='Selected backtest'] h2").TextContent.Trim());
    }

    [Fact]
    public async Task Upload_MalformedCsv_ShowsTheReadersLineAndColumn_AndStartsNothing()
    {
        var page = _bunit.Render<BacktestsPage>();
        await page.InvokeAsync(() => page.FindComponent<MudRadioGroup<string>>().Instance.ValueChanged.InvokeAsync("upload"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("ticker,category,price,outcome\nKXA-1,weather,0.30,yes\nKXA-2,weather,abc,no\n", "mine.csv"));

        page.WaitForAssertion(() => Assert.Equal("mine.csv line 3, column price: \"abc\" is not a price between 0 and 1", Text(page, "Upload problem")), Wait);
        Assert.True(page.Find("button[aria-label='Start backtest']").HasAttribute("disabled"));
        Assert.Empty(_runs.List());
    }

    [Fact]
    public async Task Upload_GoodCsv_SaysWhatItHolds_AndStartsARunNamedAfterIt()
    {
        var page = _bunit.Render<BacktestsPage>();
        await page.InvokeAsync(() => page.FindComponent<MudRadioGroup<string>>().Instance.ValueChanged.InvokeAsync("upload"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(SettledRecordingCsv.Write(8), "eight.csv"));

        page.WaitForAssertion(() => Assert.Equal("eight.csv: 8 markets, 16 observations, 2026-09-01 to 2026-09-03 (UTC).", Text(page, "Uploaded recording")), Wait);
        await page.InvokeAsync(() => page.Find("button[aria-label='Start backtest']").Click());
        page.WaitForAssertion(() => Assert.Equal("eight.csv", Assert.Single(_runs.List()).Recording), Wait);
    }

    private static string Text(IRenderedComponent<BacktestsPage> page, string label) => page.Find($"[aria-label='{label}']").TextContent.Trim();
}
