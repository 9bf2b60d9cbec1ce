using System.Globalization;
using KalshiDesk.Data;
using KalshiDesk.Domain.Risk;
using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// The desk's mode and who switched it when, for everyone; for admins, "Go live" (a dialog listing the preconditions
/// with pass or fail, and LIVE to type) and a one-click "Back to paper". Redrawn when anyone switches, anywhere in this
/// process.
/// </summary>
public partial class TradingModeSettings
{
    private DeskModeState? _mode;
    private string? _refusal;
    private bool _busy;

    [Inject]
    private DeskModeService Modes { get; set; } = default!;

    [Inject]
    private DeskDatabases Databases { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is DeskModeChanged;

    protected override async Task LoadAsync() => _mode = await Modes.GetAsync();

    private async Task OpenGoLiveAsync()
    {
        if (!await IsAdminAsync())
        {
            return;
        }

        var actor = await ActorAsync();
        var parameters = new DialogParameters<GoLiveDialog>
        {
            { d => d.GoLive, typed => GoLiveAsync(actor, typed) },
        };
        var dialog = await Dialogs.ShowAsync<GoLiveDialog>("Go live", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: DeskModeChange { Outcome: ModeChangeOutcome.Changed } })
        {
            _refusal = null;
            Snackbar.Add("The desk is live: approved trades are now real orders on Kalshi.", Severity.Warning);
        }
    }

    private async Task<DeskModeChange?> GoLiveAsync(string actor, string typed)
    {
        // The dialog is only opened for an admin; the check is repeated at the moment it counts.
        if (!await IsAdminAsync())
        {
            return null;
        }

        var change = await Modes.GoLiveAsync(actor, typed);
        _refusal = change.Succeeded ? null : change.Reason;
        _mode = change.State;
        await InvokeAsync(StateHasChanged);
        return change;
    }

    private async Task GoPaperAsync()
    {
        if (_busy || !await IsAdminAsync())
        {
            return;
        }

        _busy = true;
        try
        {
            var change = await Modes.GoPaperAsync(await ActorAsync());
            _mode = change.State;
            _refusal = null;
            Snackbar.Add("Back to paper: approved trades fill against the book again; nothing is sent to the exchange.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<bool> IsAdminAsync() => Authorization.MayAsync(Authentication, DeskPolicies.Admin);

    private Task<string> ActorAsync() => SignedInUser.NameAsync(Authentication);

    private static string Switched(DeskModeState mode) =>
        mode.ChangedAt is { } at
            ? $"Switched to {DeskModeStore.Name(mode.Switched)} by {mode.ChangedBy} at {When(at)}."
            : "No one has switched it yet: a desk trades paper until an admin confirms going live here.";

    private string Book(DeskModeState mode) =>
        mode.IsLive
            ? $"Live book: proposals, orders, positions and the ledger are in the main database ({Databases.Main.Location})."
            : $"Paper book: proposals, orders, positions and the ledger are in their own database ({Databases.Paper.Location}), apart from the live book.";

    private static string When(DateTimeOffset at) =>
        at.ToOffset(NewYorkDay.OffsetAt(at)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " ET";
}
