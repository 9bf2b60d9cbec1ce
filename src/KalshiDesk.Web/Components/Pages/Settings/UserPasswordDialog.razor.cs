using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// Asks an admin for a user's new password and sets it through <see cref="Reset"/>; stays open with Identity's reason
/// when the password is refused, and closes once it is set.
/// </summary>
public partial class UserPasswordDialog
{
    private string? _password;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>Whose password is reset, as shown.</summary>
    [Parameter]
    [EditorRequired]
    public string UserName { get; set; } = string.Empty;

    /// <summary>Sets the password.</summary>
    [Parameter]
    [EditorRequired]
    public Func<string, Task<UserChangeResult>> Reset { get; set; } = default!;

    private void Cancel() => Dialog.Cancel();

    private async Task ResetAsync()
    {
        if (string.IsNullOrEmpty(_password))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Reset(_password);
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(true));
                return;
            }

            _error = result.Error;
        }
        finally
        {
            _busy = false;
        }
    }
}
