using KalshiDesk.Engine.Modes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// Asks an admin to go live: lists each precondition (configuration's Trading:Mode, the key, the doctor's checks) with
/// pass or fail, and keeps the button disabled until LIVE is typed. A refusal stays in the dialog with its reason; a switch
/// closes it with the change.
/// </summary>
public partial class GoLiveDialog
{
    private IReadOnlyList<DeskCheck>? _checks;
    private string? _refusal;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private DeskModeService Modes { get; set; } = default!;

    /// <summary>Goes live with what was typed: the caller checks the person and switches. Required.</summary>
    [Parameter]
    [EditorRequired]
    public Func<string, Task<DeskModeChange?>> GoLive { get; set; } = default!;

    /// <summary>What the admin typed; empty at first.</summary>
    private string Typed { get; set; } = string.Empty;

    private bool Confirmed => string.Equals(Typed, DeskModeService.Confirmation, StringComparison.Ordinal);

    protected override async Task OnInitializedAsync() => _checks = await Modes.PreconditionsAsync();

    private void Cancel() => Dialog.Cancel();

    private async Task ConfirmAsync()
    {
        if (!Confirmed || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var change = await GoLive(Typed);
            if (change is null)
            {
                _refusal = "only an admin may switch the desk to live trading";
                return;
            }

            if (change.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(change));
                return;
            }

            _refusal = change.Reason;
            if (change.Checks.Count > 0)
            {
                // The checks run again at the confirmation take the place of the ones listed; the others stay.
                var again = change.Checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
                _checks = _checks is null
                    ? change.Checks
                    : [.. _checks.Select(c => again.GetValueOrDefault(c.Name, c)), .. change.Checks.Where(c => _checks.All(k => k.Name != c.Name))];
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
