using System.Collections.Concurrent;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Events;
using KalshiDesk.TestKit;
using KalshiDesk.TestKit.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestRunsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly BacktestData Data = SettledCsvRecording.Parse(SettledRecordingCsv.Write(8), "eight.csv");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
    private readonly DeskEventBus _events = new(NullLogger<DeskEventBus>.Instance);
    private readonly ConcurrentQueue<DeskEvent> _published = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;
    private BacktestRuns? _runs;

    public BacktestRunsTests() =>
        _subscription = _events.Subscribe(e =>
        {
            _published.Enqueue(e);
            return Task.CompletedTask;
        });

    public void Dispose()
    {
        _gate.TrySetResult();
        _runs?.Dispose();
        _subscription.Dispose();
    }

    private BacktestRuns Runs(BacktestRunner runner, int concurrent = 2, int kept = 10) =>
        _runs = new BacktestRuns(_events, _time, Options.Create(new BacktestsOptions { MaxConcurrentRuns = concurrent, KeptRuns = kept }), NullLogger<BacktestRuns>.Instance, runner);

    /// <summary>A replay that waits at the test's gate, then runs for real.</summary>
    private async Task<BacktestResult> Gated(BacktestData data, BacktestOptions options, IProgress<BacktestProgress> progress, CancellationToken ct)
    {
        await _gate.Task.WaitAsync(ct);
        return await Backtester.RunAsync(data, options, progress, ct);
    }

    private static BacktestRequest Request(decimal cash = 1000m) => new("eight.csv", RiskPresets.Balanced, null, null, cash);

    [Fact]
    public async Task Start_RunsInTheBackground_AndKeepsTheResultWithItsEvents()
    {
        var runs = Runs(Gated);

        var start = runs.Start(Data, Request(), "ada");

        var id = start.Run!.Id;
        Assert.Equal((BacktestRun.Running, 16L, "balanced", "ada"), (start.Run.Status, start.Run.Updates, start.Run.Preset, start.Run.StartedBy));
        _gate.SetResult();
        await Eventually.Until(() => runs.Find(id)!.Status == BacktestRun.Completed, Wait, "the run to complete");
        var run = runs.Find(id)!;
        Assert.Equal((16L, 1d), (run.Done, run.Fraction));
        Assert.Equal(_time.GetUtcNow(), run.FinishedAt);
        await Eventually.Until(() => _published.OfType<BacktestCompleted>().Any(), Wait, "the completion to be published");
        Assert.Equal(new BacktestProgressed(_time.GetUtcNow(), id, 0, 16, 0), _published.OfType<BacktestProgressed>().First());
        Assert.Equal(new BacktestCompleted(_time.GetUtcNow(), id, BacktestRun.Completed), Assert.Single(_published.OfType<BacktestCompleted>()));
    }

    [Fact]
    public void Start_WhileThePersonsOwnRunGoesOn_IsRefused()
    {
        var runs = Runs(Gated);
        runs.Start(Data, Request(), "ada");

        var second = runs.Start(Data, Request(), "ADA");

        Assert.False(second.Started);
        Assert.Equal("ADA has a backtest running already (eight.csv, 0% done): wait for it to finish or cancel it.", second.Refusal);
        Assert.Single(runs.List());
    }

    [Fact]
    public void Start_BeyondTheDesksCap_IsRefused()
    {
        var runs = Runs(Gated, concurrent: 2);
        Assert.True(runs.Start(Data, Request(), "ada").Started);
        Assert.True(runs.Start(Data, Request(), "bob").Started);

        var third = runs.Start(Data, Request(), "cy");

        Assert.Equal("2 backtests are running, the most the desk runs at once: wait for one to finish or cancel it.", third.Refusal);
    }

    [Fact]
    public void Start_WithoutCash_IsRefusedNamingIt()
    {
        var start = Runs(Gated).Start(Data, Request(cash: 0m), "ada");

        Assert.Equal("cash must be more than $0 and at most $1,000,000,000, in dollars.", start.Refusal);
    }

    [Fact]
    public async Task Cancel_StopsTheReplay_AndLeavesNoResult()
    {
        var runs = Runs(Gated);
        var id = runs.Start(Data, Request(), "ada").Run!.Id;

        runs.Cancel(id);

        await Eventually.Until(() => runs.Find(id)!.Status == BacktestRun.Cancelled, Wait, "the run to be cancelled");
        Assert.Null(runs.Find(id)!.Result);
        await Eventually.Until(() => _published.OfType<BacktestCompleted>().Any(e => e.Status == BacktestRun.Cancelled), Wait, "the cancellation to be published");
        Assert.True(runs.Start(Data, Request(), "ada").Started);
    }

    [Fact]
    public async Task Replay_ThatThrows_FailsWithItsReason()
    {
        var runs = Runs((_, _, _, _) => throw new InvalidOperationException("the recording lists KX-1 twice"));

        var id = runs.Start(Data, Request(), "ada").Run!.Id;

        await Eventually.Until(() => runs.Find(id)!.Status == BacktestRun.Failed, Wait, "the run to fail");
        Assert.Equal("the recording lists KX-1 twice", runs.Find(id)!.Error);
    }

    [Fact]
    public async Task Progress_IsKeptAtEveryReport_ButPublishedAtMostFourTimesASecond()
    {
        var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Runs(async (data, options, progress, ct) =>
        {
            for (var done = 1; done <= 3; done++)
            {
                progress.Report(new BacktestProgress(done, 16, TimeSpan.Zero, null, null, 0));
            }

            _time.Advance(BacktestRuns.PublishEvery);
            progress.Report(new BacktestProgress(4, 16, TimeSpan.Zero, null, null, 1));
            reported.SetResult();
            await _gate.Task.WaitAsync(ct);
            return await Backtester.RunAsync(data, options, null, ct);
        });

        var id = runs.Start(Data, Request(), "ada").Run!.Id;
        await reported.Task.WaitAsync(Wait);

        Assert.Equal((4L, 1), (runs.Find(id)!.Progress!.Done, runs.Find(id)!.Progress!.Trades));
        await Eventually.Until(() => _published.OfType<BacktestProgressed>().Count() == 3, Wait, "the start and two reports to be published");
        Assert.Equal([0L, 1L, 4L], _published.OfType<BacktestProgressed>().Select(e => e.Done).Order());
    }

    [Fact]
    public async Task List_KeepsTheLatestRuns_DroppingTheOldestFinishedFirst()
    {
        var runs = Runs((data, options, _, ct) => Backtester.RunAsync(data, options, null, ct), kept: 2);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = runs.Start(Data, Request(), "ada").Run!.Id;
            await Eventually.Until(() => !runs.Find(id)!.IsRunning, Wait, "the run to finish");
            ids.Add(id);
        }

        Assert.Equal([ids[2], ids[1]], runs.List().Select(r => r.Id));
    }
}
