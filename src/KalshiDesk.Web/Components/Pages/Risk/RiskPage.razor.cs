using System.Globalization;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Risk;
using KalshiDesk.Engine.Trading;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Risk;

/// <summary>
/// The desk's risk: trading state and why, the breaker's measures, the desk-wide sit-out, the three presets side by side
/// with the switch (traders), the overrides, the kill switch and the resume (admins), and the risk audit log. Redrawn
/// when the state, the preset or the limits change anywhere, and after every cycle, without a reload.
/// </summary>
public partial class RiskPage
{
    private RiskReport? _report;
    private IReadOnlyList<PresetSelection> _presets = [];
    private List<LimitRow> _rows = [];
    private KillReport? _kill;
    private bool _busy;

    // What an admin typed and why it was refused, by limit: kept across reloads, so a live update loses nothing.
    private readonly Dictionary<string, string?> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    [Inject]
    private RiskReader Reader { get; set; } = default!;

    [Inject]
    private RiskSettings Settings { get; set; } = default!;

    [Inject]
    private KillSwitch KillSwitch { get; set; } = default!;

    [Inject]
    private RiskMonitor Monitor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private ILogger<RiskPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    // The measures move with every cycle and the calibration sit-out with every relearning.
    protected override bool Affects(DeskEvent deskEvent) => deskEvent is RiskStateChanged or CycleCompleted or CalibrationUpdated;

    protected override async Task LoadAsync()
    {
        var report = await Reader.ReadAsync();
        var presets = await Settings.ReadPresetsAsync();
        _rows = Compare(presets, report.Preset);
        _presets = presets;
        _report = report;
    }

    private async Task SwitchPresetAsync(string preset)
    {
        if (_report is null || !await AllowedAsync(DeskPolicies.Trader))
        {
            return;
        }

        var from = _report.Preset;
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = $"Use the {preset} preset?",
            Message = $"The desk switches from {from} to {preset}, with the overrides stored for {preset}. The new limits apply from the next cycle; "
                + "the trading state is checked against them at once, so a tighter preset may leave the desk reducing.",
            YesText = $"Use {preset}",
            CancelText = "Cancel",
        });
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            var result = await Settings.SwitchPresetAsync(preset, actor);
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Error!, Severity.Error);
            }
            else if (result.Changed)
            {
                Snackbar.Add($"Preset switched from {from} to {preset}: it applies from the next cycle.", Severity.Success);
            }
            else
            {
                Snackbar.Add($"{Title(preset)} is already the preset in force.", Severity.Info);
            }
        });
    }

    private async Task SetOverrideAsync(LimitView limit)
    {
        if (!await AllowedAsync(DeskPolicies.Admin))
        {
            return;
        }

        var typed = Draft(limit.Name)?.Trim();
        if (!decimal.TryParse(typed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            _errors[limit.Name] = $"'{typed}' is not a number; type the value in {limit.Unit}, with a point for decimals.";
            return;
        }

        await RunAsync(async actor =>
        {
            var preset = _report?.Preset;
            var result = await Settings.SetOverrideAsync(limit.Name, value, actor);
            if (!result.Succeeded)
            {
                _errors[limit.Name] = result.Error!;
                return;
            }

            _errors.Remove(limit.Name);
            _drafts.Remove(limit.Name);
            Snackbar.Add($"{limit.Label} of {preset} is now {Format(limit.Name, value)} (was {Format(limit.Name, limit.Value)}): it applies from the next cycle.", Severity.Success);
        });
    }

    private async Task ClearOverrideAsync(LimitView limit)
    {
        if (!await AllowedAsync(DeskPolicies.Admin))
        {
            return;
        }

        await RunAsync(async actor =>
        {
            var result = await Settings.ClearOverrideAsync(limit.Name, actor);
            if (!result.Succeeded)
            {
                _errors[limit.Name] = result.Error!;
                return;
            }

            _errors.Remove(limit.Name);
            Snackbar.Add($"{limit.Label} is back to the preset's {Format(limit.Name, limit.PresetValue)}: it applies from the next cycle.", Severity.Success);
        });
    }

    private async Task PullKillSwitchAsync()
    {
        if (!await AllowedAsync(DeskPolicies.Admin))
        {
            return;
        }

        var dialog = await Dialogs.ShowAsync<KillSwitchDialog>("Kill switch", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled || answer.Data is not bool flatten)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            _kill = await KillSwitch.PullAsync(actor, flatten);
            Snackbar.Add($"The desk is halted: {_kill.Reason}.", Severity.Warning);
        });
    }

    private async Task ResumeAsync()
    {
        if (_report is null || !await AllowedAsync(DeskPolicies.Admin))
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Resume trading?",
            Message = $"The desk was halted: {_report.Reason}. Resuming re-bases only the measure that tripped (the day's start, the peak or the streak) "
                + "to today's equity; a measure still beyond its limit trips again at the next look. What the kill switch sold stays sold.",
            YesText = "Resume",
            CancelText = "Cancel",
        });
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            var (state, refusal) = await Monitor.ResumeAsync(actor);
            if (refusal is not null)
            {
                Snackbar.Add(refusal, Severity.Info);
                return;
            }

            Snackbar.Add($"Trading resumed: the desk is {CircuitBreaker.Name(state!.State)}.", Severity.Success);
        });
    }

    /// <summary>Runs a change as the signed-in user, then shows the desk as it is now, whatever happened.</summary>
    private async Task RunAsync(Func<string, Task> change)
    {
        _busy = true;
        try
        {
            await change(await ActorAsync());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure (the exchange refusing a cancel, the database busy) is shown, not allowed to end the circuit.
            LogChangeFailed(Logger, ex);
            Snackbar.Add($"That did not complete: {ex.Message}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private Task<bool> AllowedAsync(string policy) => Authorization.MayAsync(Authentication, policy);

    private Task<string> ActorAsync() => SignedInUser.NameAsync(Authentication);

    private string? Draft(string limit) => _drafts.GetValueOrDefault(limit);

    private void SetDraft(string limit, string? value)
    {
        _drafts[limit] = value;
        _errors.Remove(limit);
    }

    private string? ErrorOf(string limit) => _errors.GetValueOrDefault(limit);

    /// <summary>One row per limit: each preset's value with its overrides, marked where it differs from the preset in force.</summary>
    private static List<LimitRow> Compare(IReadOnlyList<PresetSelection> presets, string active)
    {
        var inForce = presets.FirstOrDefault(p => p.Preset.Name == active)?.Effective;
        return
        [
            .. RiskLimits.All.Select(limit =>
            {
                var cells = presets.Select(p =>
                {
                    var value = limit.Read(p.Effective);
                    var differs = inForce is not null && value != limit.Read(inForce);
                    return new PresetCell(p.Preset.Name, Format(limit, value), differs, p.Overrides.ContainsKey(limit.Name), Format(limit, limit.Read(p.Preset)));
                }).ToList();
                return new LimitRow(limit, cells, cells.Any(c => c.Differs));
            }),
        ];
    }

    private static string Format(string limit, decimal value) =>
        RiskLimits.TryGet(limit, out var found) ? Format(found, value) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A limit's value as PRODUCT.md's preset table writes it: fractions of equity in percent, times in hours or minutes.</summary>
    private static string Format(RiskLimit limit, decimal value) => limit.Unit switch
    {
        _ when limit.Unit.EndsWith("equity", StringComparison.Ordinal) => (value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%",
        "minutes" => Minutes(value),
        _ when limit.Whole => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00##", CultureInfo.InvariantCulture),
    };

    private static string Minutes(decimal minutes)
    {
        var hours = decimal.Floor(minutes / 60m);
        var rest = minutes - (hours * 60m);
        var restText = rest.ToString("0.##", CultureInfo.InvariantCulture) + " min";
        return hours == 0m ? restText
            : rest == 0m ? hours.ToString("0", CultureInfo.InvariantCulture) + " h"
            : hours.ToString("0", CultureInfo.InvariantCulture) + " h " + restText;
    }

    private static string RangeText(string limit) =>
        RiskLimits.TryGet(limit, out var found)
            ? string.Create(CultureInfo.InvariantCulture, $"{found.Unit}, {found.Min:0.###}–{found.Max:#,0.###}{(found.Whole ? ", whole" : string.Empty)}")
            : string.Empty;

    private static decimal LimitOf(RiskReport report, string limit) => report.Limits.FirstOrDefault(l => l.Name == limit)?.Value ?? 0m;

    private static string Summary(PresetSelection selection)
    {
        var p = selection.Effective;
        var overrides = selection.Overrides.Count switch
        {
            0 => "no overrides",
            1 => "1 override",
            var n => $"{n.ToString(CultureInfo.InvariantCulture)} overrides",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{p.KellyMultiplier:0.00}× Kelly, edge ≥ {p.MinEdge:0.00}, halts at a {Percent(p.DailyLossLimit)} daily loss; {overrides}");
    }

    private static string KillSummary(KillReport kill)
    {
        var positions = kill.Exits.Count == 0
            ? kill.Reason.EndsWith("positions flattened", StringComparison.Ordinal) ? "no position to flatten" : "positions kept"
            : string.Create(CultureInfo.InvariantCulture, $"{kill.Exits.Count(e => e.Sold > 0m)} of {kill.Exits.Count} position(s) flattened for {Dollars(kill.Proceeds)} less {Dollars(kill.Fees)} fees");
        return string.Create(CultureInfo.InvariantCulture, $"{kill.CancelledOrders} resting order(s) cancelled, {kill.RejectedProposals} pending proposal(s) rejected, {positions}.");
    }

    private static string HaltEnds(string resumesBy, DateTimeOffset? resumesAt) =>
        resumesAt is { } at ? $"Ends by itself with {resumesBy}, at {When(at)}." : $"Ends with {resumesBy}.";

    private static string StateName(string state) => Title(state);

    private static Color StateColor(string state) => state switch
    {
        "halted" => Color.Error,
        "reducing" => Color.Warning,
        _ => Color.Success,
    };

    private static string Title(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string ActionName(string action) => action switch
    {
        "risk.preset" => "Preset switched",
        "risk.override" => "Override",
        "risk.halt" => "Halted",
        "risk.resume" => "Resumed",
        "risk.kill" => "Kill switch",
        _ => action,
    };

    private static string Change(AuditView entry) => (entry.OldValue, entry.NewValue) switch
    {
        (null, null) => "–",
        (null, var to) => $"→ {to}",
        (var from, null) => $"{from} →",
        var (from, to) => $"{from} → {to}",
    };

    /// <summary>An instant in New York time, the clock the desk's trading day follows.</summary>
    private static string When(DateTimeOffset at) =>
        at.ToOffset(NewYorkDay.OffsetAt(at)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " ET";

    private static double Used(decimal measure, decimal limit) => limit <= 0m ? 0d : (double)Math.Clamp(measure / limit * 100m, 0m, 100m);

    private static Color UsedColor(decimal measure, decimal limit) =>
        Used(measure, limit) switch
        {
            >= 100d => Color.Error,
            >= 75d => Color.Warning,
            _ => Color.Success,
        };

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Dollars(decimal d) => d.ToString("$#,0.00", CultureInfo.InvariantCulture);

    private static string Count(decimal contracts) => contracts.ToString("0.##", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "A change on the Risk page failed")]
    private static partial void LogChangeFailed(ILogger logger, Exception ex);

    /// <summary>One limit across the three presets.</summary>
    private sealed record LimitRow(RiskLimit Limit, IReadOnlyList<PresetCell> Cells, bool Differs);

    /// <summary>One preset's value of a limit, as shown, and whether it differs from the preset in force.</summary>
    private sealed record PresetCell(string Preset, string Text, bool Differs, bool Overridden, string PresetText);
}
