using System.Globalization;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Backtesting;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Forecasting.Cli;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Backtests;

/// <summary>
/// Backtests: a trader picks a sample on the desk or uploads a settled-markets CSV, a preset, an optional window and the
/// starting cash, and starts a run; every open page follows its progress and shows its results when it completes, from
/// the desk's events, without a reload. The latest runs are listed to pick from.
/// </summary>
public partial class BacktestsPage
{
    private const string Sample = "sample";
    private const string Upload = "upload";

    private IReadOnlyList<BacktestRun> _runs = [];
    private IReadOnlyList<BacktestSample> _samples = [];
    private BacktestRun? _selected;
    private Guid? _picked;
    private string _source = Sample;
    private string? _sample;
    private BacktestData? _upload;
    private string? _uploadError;
    private string _preset = RiskPresets.Balanced.Name;
    private decimal _cash = new BacktestOptions().StartingCash;
    private string? _from;
    private string? _to;
    private string? _startError;
    private bool _busy;

    [Inject]
    private BacktestRuns Runs { get; set; } = default!;

    [Inject]
    private BacktestSamples Samples { get; set; } = default!;

    [Inject]
    private IOptions<BacktestsOptions> Options { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool Ready => _source == Sample ? _sample is not null : _upload is not null;

    private int KeptRuns => Options.Value.KeptRuns;

    private string MaxUploadText => Options.Value.MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture) + " MB";

    private string SamplesFolder => Samples.Root;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is BacktestProgressed or BacktestCompleted;

    protected override async Task OnInitializedAsync()
    {
        _samples = Samples.List();
        _sample = _samples.FirstOrDefault(s => s.Kind == "file")?.Name ?? _samples.FirstOrDefault()?.Name;
        await base.OnInitializedAsync();
    }

    protected override Task LoadAsync()
    {
        var runs = Runs.List();

        // The run picked stays shown while it is kept; until one is picked, the latest is.
        _selected = (_picked is { } picked ? runs.FirstOrDefault(r => r.Id == picked) : null) ?? runs.FirstOrDefault();
        _runs = runs;
        return Task.CompletedTask;
    }

    private void Select(Guid id)
    {
        _picked = id;
        _selected = _runs.FirstOrDefault(r => r.Id == id) ?? _selected;
    }

    private void OnSourceChanged(string source)
    {
        _source = source;
        _startError = null;
    }

    private void OnSampleChanged(string sample)
    {
        _sample = sample;
        _startError = null;
    }

    private async Task OnUploadAsync(InputFileChangeEventArgs e)
    {
        _upload = null;
        _uploadError = null;
        _startError = null;
        var file = e.File;
        var max = Options.Value.MaxUploadBytes;
        if (file.Size > max)
        {
            _uploadError = $"{file.Name} is {Megabytes(file.Size)}; the most a recording may be is {MaxUploadText}.";
            return;
        }

        _busy = true;
        try
        {
            string text;
            await using (var stream = file.OpenReadStream(max))
            {
                using var reader = new StreamReader(stream);
                text = await reader.ReadToEndAsync();
            }

            var data = await Task.Run(() => SettledCsvRecording.Parse(text, file.Name));
            if (data.Markets.Count == 0)
            {
                _uploadError = $"{file.Name} has no market in it: a settled-markets CSV has a header and a row per observation.";
                return;
            }

            _upload = data;
        }
        catch (ForecastInputException ex)
        {
            // The reader's own words: the file, the line, the column and the value.
            _uploadError = ex.Message;
        }
        catch (IOException ex)
        {
            _uploadError = $"{file.Name} could not be read: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task StartAsync()
    {
        _startError = null;
        if (!await AllowedAsync(DeskPolicies.Trader))
        {
            _startError = "Starting a backtest needs the trader role.";
            return;
        }

        if (!BacktestDates.TryParse(_from, endOfDay: false, out var from) || !BacktestDates.TryParse(_to, endOfDay: true, out var to))
        {
            _startError = "The dates must be days like 2026-11-01.";
            return;
        }

        _busy = true;
        try
        {
            BacktestData data;
            string name;
            if (_source == Upload)
            {
                data = _upload!;
                name = data.Source;
            }
            else
            {
                var path = Samples.Resolve(_sample, out var found, out var problem);
                if (path is null || !found)
                {
                    _startError = problem ?? $"The sample {_sample} is no longer in the samples folder.";
                    return;
                }

                name = _sample!;
                try
                {
                    data = await Task.Run(() => BacktestRecording.Load(path));
                }
                catch (ForecastInputException ex)
                {
                    _startError = ex.Message.Replace(Samples.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
                    return;
                }
            }

            var request = new BacktestRequest(name, RiskPresets.Get(_preset), from, to, _cash);
            var start = Runs.Start(data, request, await ActorAsync());
            if (start.Run is not { } run)
            {
                _startError = start.Refusal;
                return;
            }

            _picked = run.Id;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync(Guid id)
    {
        if (await AllowedAsync(DeskPolicies.Trader))
        {
            Runs.Cancel(id);
        }
    }

    private Task<bool> AllowedAsync(string policy) => Authorization.MayAsync(Authentication, policy);

    private Task<string> ActorAsync() => SignedInUser.NameAsync(Authentication);

    private static string SampleText(BacktestSample sample) =>
        sample.Kind == "folder" ? $"{sample.Name}/ (folder, {Megabytes(sample.Bytes)})" : $"{sample.Name} ({Megabytes(sample.Bytes)})";

    private static string UploadText(BacktestData data) =>
        string.Create(CultureInfo.InvariantCulture, $"{data.Source}: {data.Markets.Count:#,0} markets, {data.Updates:#,0} observations, {Day(data.Start)} to {Day(data.End)} (UTC).");

    private static string SettingsText(BacktestRun run)
    {
        var window = (run.From, run.To) switch
        {
            (null, null) => "the whole recording",
            ({ } f, null) => $"from {Day(f)}",
            (null, { } t) => $"to {Day(t)}",
            ({ } f, { } t) => $"{Day(f)} to {Day(t)}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Dollars(run.StartingCash)} starting cash, {window}; started by {run.StartedBy} at {Utc(run.StartedAt)} UTC.");
    }

    private static string ProgressText(BacktestRun run)
    {
        var p = run.Progress;
        var done = p?.Done ?? 0L;
        var total = p?.Total ?? run.Updates;
        var left = p?.Remaining is { } remaining ? $"about {Duration(remaining)} left" : "estimating the time left";
        var clock = p?.SimulatedTime is { } at ? $"; the recording's clock at {Utc(at)} UTC" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Percent(run.Fraction)}: {done:#,0} of {total:#,0} updates, {p?.Trades ?? 0:#,0} trades so far, {left}{clock}.");
    }

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1d
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s");

    private static Color StatusColor(string status) => status switch
    {
        BacktestRun.Completed => Color.Success,
        BacktestRun.Failed => Color.Error,
        BacktestRun.Cancelled => Color.Warning,
        _ => Color.Info,
    };

    private static string Percent(double fraction) => fraction.ToString("0%", CultureInfo.InvariantCulture);

    private static string Roi(decimal fraction) => (fraction * 100m).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    private static string Dollars(decimal d) => d.ToString("$#,0.00", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Day(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
