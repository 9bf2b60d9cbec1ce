using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Risk;

/// <summary>Asks an admin to confirm the kill switch, and whether to flatten every position; closes with that choice (a bool).</summary>
public partial class KillSwitchDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>Whether to sell every position too; unchecked by default.</summary>
    private bool Flatten { get; set; }

    private void Cancel() => Dialog.Cancel();

    private void Pull() => Dialog.Close(DialogResult.Ok(Flatten));
}
