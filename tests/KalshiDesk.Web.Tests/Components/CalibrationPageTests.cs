using Bunit;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Scoring;
using KalshiDesk.Web.Components.Pages.Calibration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace KalshiDesk.Web.Tests.Components;

public sealed class CalibrationPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly BunitContext _bunit = new();
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private readonly LearnedCalibration _learned = new();

    public CalibrationPageTests()
    {
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<IDeskEvents>(_events);
        _bunit.Services.AddSingleton(_learned);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    [Fact]
    public void Render_BeforeAnyMarketSettled_SaysSoInsteadOfScores()
    {
        var page = _bunit.Render<CalibrationPage>();

        Assert.Contains("No market has settled since the desk began recording forecasts", page.Find(".kd-empty").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table"));
        Assert.Empty(page.FindAll("[role='alert']"));
    }

    [Fact]
    public void Render_AfterFourSettledMarkets_ShowsTheDeskAgainstTheMarket()
    {
        // Desk 0.8/0.3/0.6/0.1, market 0.7/0.4/0.5/0.2, outcomes yes/no/no/no: Brier 0.125 against 0.135, skill 1 − 0.125/0.135.
        Learn(FourMarkets());

        var page = _bunit.Render<CalibrationPage>();

        Assert.Equal("0.1250 vs 0.1350", page.Find("[aria-label='Brier score, desk versus market']").TextContent.Trim());
        Assert.Equal("+0.0741", page.Find("[aria-label='Brier skill versus market']").TextContent.Trim());
        Assert.Equal("4", page.Find("[aria-label='Settled markets']").TextContent.Trim());
        var scores = Rows(page, "Scores");
        Assert.Equal(["Desk (calibrated)", "0.1250", "4", "+0.0741"], Cells(scores["Desk (calibrated)"], "Forecast", "Brier", "Markets", "Skill vs market"));
        Assert.Equal(["0.1350", "0.1350", "0.1875", "–"], Cells(scores["Market price"], "Brier", "Reliability", "Uncertainty", "Skill vs market"));
        var models = Rows(page, "Models");
        Assert.Equal(["0.1875", "0.1350", "-0.3889"], Cells(models["beta"], "Brier", "Market Brier (same markets)", "Skill vs market"));
        var categories = Rows(page, "Categories");
        Assert.Equal(["1", "0.0100", "0.0400", "+0.7500"], Cells(categories["crypto"], "Markets", "Desk Brier", "Market Brier", "Skill"));
        var bins = Rows(page, "Reliability bins");
        Assert.Equal(["1", "80.0%", "100.0% (20.7%–100.0%)"], Cells(bins["0.8–0.9"], "Desk markets", "Desk mean forecast", "Desk settled YES (95% CI)"));
        Assert.Equal(["0", "–"], Cells(bins["0.8–0.9"], "Market markets", "Market mean price"));
        Assert.NotNull(page.Find("[aria-label^='Reliability diagram'] svg"));
        Assert.NotNull(page.Find("[aria-label^='Brier decomposition over time'] svg"));
    }

    [Fact]
    public async Task CalibrationUpdated_WithANewSnapshot_RedrawsTheNumbersAndTheSitOutWithoutAReload()
    {
        Learn(FourMarkets());
        var page = _bunit.Render<CalibrationPage>();
        Assert.Equal("0.1250 vs 0.1350", page.Find("[aria-label='Brier score, desk versus market']").TextContent.Trim());

        // 40 markets at 0.9 from the desk, 0.5 from the market, half of them YES: 0.41 against 0.25, skill −0.64.
        var snapshot = Learn(FortyOverconfidentMarkets());
        await _events.PublishAsync(new CalibrationUpdated(Now, snapshot.SettledMarkets, snapshot.Rolling.Skill, snapshot.Rolling.Degraded));

        page.WaitForAssertion(() => Assert.Equal("0.4100 vs 0.2500", page.Find("[aria-label='Brier score, desk versus market']").TextContent.Trim()));
        Assert.Equal("-0.6400", page.Find("[aria-label='Rolling skill']").TextContent.Trim());
        Assert.Equal(
            "Sitting out: calibration degraded: rolling Brier skill -0.6400 against the market price over the last 40 settled markets (desk 0.4100, market 0.2500). Every new entry pauses until the rolling skill is back above zero.",
            page.Find("[role='alert']").TextContent.Trim());
    }

    private CalibrationSnapshot Learn(IReadOnlyCollection<RecordedForecast> forecasts)
    {
        var learning = CalibrationAnalysis.Learn(forecasts, new ScoringOptions(), Now);
        _learned.Set(learning);
        return learning.Snapshot;
    }

    private static List<RecordedForecast> FourMarkets() =>
    [
        Settled("KXCALTEST-A", "weather", 0, 0.7, 0.8, true, 0.6),
        Settled("KXCALTEST-B", "weather", 1, 0.4, 0.3, false, 0.5),
        Settled("KXCALTEST-C", "weather", 2, 0.5, 0.6, false, 0.5),
        Settled("KXCALTEST-D", "crypto", 3, 0.2, 0.1, false, 0.3),
    ];

    private static List<RecordedForecast> FortyOverconfidentMarkets() =>
        [.. Enumerable.Range(0, 40).Select(i => Settled($"KXSITOUT-{i:00}", "weather", i, 0.5, 0.9, i % 2 == 0, 0.9))];

    /// <summary>A market forecast 3 hours before its close, settled <paramref name="hour"/> hours after the first; model alpha said what the desk did.</summary>
    private static RecordedForecast Settled(string ticker, string category, int hour, double market, double desk, bool yesWon, double beta)
    {
        var close = Now.AddDays(-3).AddHours(hour);
        return new RecordedForecast(ticker, category, close.AddHours(-3), close, close.AddMinutes(6), market, desk, desk, yesWon, new Dictionary<string, double> { ["alpha"] = desk, ["beta"] = beta });
    }

    /// <summary>The rows of the table named <paramref name="table"/>, by their first cell.</summary>
    private static Dictionary<string, AngleSharp.Dom.IElement> Rows(IRenderedComponent<CalibrationPage> page, string table) =>
        page.FindAll($"[aria-label='{table}'] tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim());

    /// <summary>The text of a row's cells, picked by their column (MudBlazor labels each cell with it).</summary>
    private static string[] Cells(AngleSharp.Dom.IElement row, params string[] columns) =>
        [.. columns.Select(c => row.QuerySelector($"td[data-label='{c}']")!.TextContent.Trim())];
}
