using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace KalshiDesk.Web.Components.Pages.Settings;

/// <summary>
/// Settings for admins: the users with their roles (change, lock and unlock, reset the password, delete, each confirmed),
/// a form for a new user, and the API tokens (make one, shown once; revoke). The rules and the audit are
/// <see cref="DeskUserAdmin"/>'s and <see cref="ApiTokenAdmin"/>'s; a refusal is shown as they word it, on the form field
/// it is about when there is one.
/// </summary>
public partial class UserSettings
{
    private IReadOnlyList<DeskUserView>? _users;
    private IReadOnlyList<ApiTokenView>? _tokens;
    private NewApiToken? _created;
    private string? _usersError;
    private string? _tokensError;
    private bool _busy;

    // Bumped to rebuild the role selects, so one whose change was cancelled or refused shows the stored role again.
    private int _version;

    private ClaimsPrincipal _principal = new(new ClaimsIdentity());
    private NewUserForm _newUser = new();
    private EditContext _newUserContext = default!;
    private ValidationMessageStore _newUserMessages = default!;
    private NewTokenForm _newToken = new();
    private EditContext _newTokenContext = default!;
    private ValidationMessageStore _newTokenMessages = default!;

    [Inject]
    private DeskUserAdmin Users { get; set; } = default!;

    [Inject]
    private ApiTokenAdmin Tokens { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<UserSettings> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        ResetNewUserForm();
        ResetNewTokenForm();
        if (Authentication is not null)
        {
            _principal = (await Authentication).User;
        }

        await LoadAsync();
    }

    /// <summary>Controls work once the page is interactive (not while it is prerendered) and no change is under way.</summary>
    private bool Ready => RendererInfo.IsInteractive && !_busy;

    private string? SelfId => _principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private bool IsSelf(DeskUserView user) => user.Id == SelfId;

    private async Task LoadAsync()
    {
        _users = await Users.ListAsync();
        _tokens = await Tokens.ListAsync(_principal);
        if (_newToken.UserId is null || !_users.Any(u => u.Id == _newToken.UserId))
        {
            _newToken.UserId = SelfId;
        }

        _version++;
    }

    private async Task ChangeRoleAsync(DeskUserView user, string role)
    {
        if (role == user.Role)
        {
            return;
        }

        var confirmed = await ConfirmAsync(
            $"Make {user.UserName} {RoleName(role).ToLowerInvariant()}?",
            $"{user.UserName} changes from {RoleName(user.Role).ToLowerInvariant()} to {RoleName(role).ToLowerInvariant()}. Their signed-in sessions end within a minute; their API tokens act as {role} from the next request.",
            $"Make {role}");
        if (!confirmed)
        {
            _version++;
            return;
        }

        await RunAsync(
            () => Users.ChangeRoleAsync(_principal, user.Id, role),
            $"{user.UserName} is now {role}.",
            error => _usersError = error);
    }

    private async Task LockAsync(DeskUserView user)
    {
        var confirmed = await ConfirmAsync(
            $"Lock {user.UserName}?",
            $"{user.UserName} can no longer sign in, their open sessions end within a minute and their API tokens are refused from the next request. Unlock to undo.",
            "Lock");
        if (confirmed)
        {
            await RunAsync(() => Users.LockAsync(_principal, user.Id), $"{user.UserName} is locked.", error => _usersError = error);
        }
    }

    private async Task UnlockAsync(DeskUserView user)
    {
        var confirmed = await ConfirmAsync(
            $"Unlock {user.UserName}?",
            $"{user.UserName} can sign in again and their API tokens work again.",
            "Unlock");
        if (confirmed)
        {
            await RunAsync(() => Users.UnlockAsync(_principal, user.Id), $"{user.UserName} is unlocked.", error => _usersError = error);
        }
    }

    private async Task ResetPasswordAsync(DeskUserView user)
    {
        var parameters = new DialogParameters<UserPasswordDialog>
        {
            { d => d.UserName, user.UserName },
            { d => d.Reset, password => Users.ResetPasswordAsync(_principal, user.Id, password) },
        };
        var dialog = await Dialogs.ShowAsync<UserPasswordDialog>("Reset password", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var answer = await dialog.Result;
        if (answer is { Canceled: false })
        {
            Snackbar.Add($"The password of {user.UserName} is reset; their signed-in sessions end within a minute.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(DeskUserView user)
    {
        var count = _tokens?.Count(t => t.UserId == user.Id) ?? 0;
        var tokens = count == 1 ? "their API token is" : $"their {count.ToString(CultureInfo.InvariantCulture)} API tokens are";
        var confirmed = await ConfirmAsync(
            $"Delete {user.UserName}?",
            $"{user.UserName} and {tokens} removed for good. What they decided stays in the history under their name.",
            "Delete");
        if (confirmed)
        {
            await RunAsync(() => Users.DeleteAsync(_principal, user.Id), $"{user.UserName} is deleted.", error => _usersError = error);
        }
    }

    private async Task CreateUserAsync()
    {
        _newUserMessages.Clear();
        var form = _newUser;
        await RunAsync(
            () => Users.CreateAsync(_principal, form.UserName, form.Password, form.Role),
            $"{form.UserName?.Trim()} is created as {form.Role}.",
            error => _usersError = error,
            result =>
            {
                if (result.Succeeded)
                {
                    ResetNewUserForm();
                    return true;
                }

                var field = result.Field switch
                {
                    UserChangeResult.UserNameField => nameof(NewUserForm.UserName),
                    UserChangeResult.PasswordField => nameof(NewUserForm.Password),
                    UserChangeResult.RoleField => nameof(NewUserForm.Role),
                    _ => null,
                };
                if (field is null)
                {
                    return false;
                }

                _newUserMessages.Add(_newUserContext.Field(field), result.Error!);
                _newUserContext.NotifyValidationStateChanged();
                return true;
            });
    }

    private async Task CreateTokenAsync()
    {
        _newTokenMessages.Clear();
        var form = _newToken;
        UserChangeResult? made = null;
        await RunAsync(
            async () => made = await Tokens.CreateAsync(_principal, form.UserId, form.Name),
            null,
            error => _tokensError = error,
            result =>
            {
                if (result.Succeeded || result.Field != UserChangeResult.NameField)
                {
                    return false;
                }

                _newTokenMessages.Add(_newTokenContext.Field(nameof(NewTokenForm.Name)), result.Error!);
                _newTokenContext.NotifyValidationStateChanged();
                return true;
            });
        if (made?.Token is { } token)
        {
            _created = token;
            ResetNewTokenForm(form.UserId);
        }
    }

    private async Task RevokeAsync(ApiTokenView token)
    {
        var confirmed = await ConfirmAsync(
            $"Revoke the token {token.Name} of {token.UserName}?",
            "A script that uses it gets 401 from its next request. A token cannot be restored; make a new one instead.",
            "Revoke");
        if (confirmed)
        {
            await RunAsync(() => Tokens.RevokeAsync(_principal, token.Id), $"The token {token.Name} of {token.UserName} is revoked.", error => _tokensError = error);
        }
    }

    private async Task CopyTokenAsync()
    {
        if (_created is not { } created)
        {
            return;
        }

        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", created.Token);
            Snackbar.Add("The token is copied.", Severity.Success);
        }
        catch (JSException)
        {
            // Browsers allow the clipboard only on https or localhost.
            Snackbar.Add("This browser refused the clipboard here: select the token and copy it.", Severity.Warning);
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = "Cancel" }) == true;

    /// <summary>
    /// Runs a change, shows its outcome (a refusal goes to <paramref name="handled"/> first, then to <paramref name="showError"/>)
    /// and shows the users and tokens as they are now, whatever happened.
    /// </summary>
    private async Task RunAsync(Func<Task<UserChangeResult>> change, string? success, Action<string> showError, Func<UserChangeResult, bool>? handled = null)
    {
        _busy = true;
        _usersError = null;
        _tokensError = null;
        try
        {
            var result = await change();
            var shownOnTheForm = handled?.Invoke(result) == true;
            if (!shownOnTheForm && !result.Succeeded)
            {
                showError(result.Error ?? "That was refused.");
            }

            if (result.Outcome == UserChangeOutcome.Done && success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure (the database busy) is shown, not allowed to end the circuit.
            LogChangeFailed(Logger, ex);
            showError($"That did not complete: {ex.Message}");
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private void ResetNewUserForm()
    {
        _newUser = new NewUserForm();
        _newUserContext = new EditContext(_newUser);
        _newUserMessages = new ValidationMessageStore(_newUserContext);
        _newUserContext.OnFieldChanged += (_, e) => _newUserMessages.Clear(e.FieldIdentifier);
    }

    private void ResetNewTokenForm(string? userId = null)
    {
        _newToken = new NewTokenForm { UserId = userId ?? SelfId };
        _newTokenContext = new EditContext(_newToken);
        _newTokenMessages = new ValidationMessageStore(_newTokenContext);
        _newTokenContext.OnFieldChanged += (_, e) => _newTokenMessages.Clear(e.FieldIdentifier);
    }

    private static string RoleName(string? role) => role switch
    {
        DeskRoles.Viewer => "Viewer",
        DeskRoles.Trader => "Trader",
        DeskRoles.Admin => "Admin",
        _ => "No role",
    };

    private static string Status(DeskUserView user) =>
        user.Locked ? "Locked"
        : user.LockedOutUntil is { } until ? "Locked out until " + When(until)
        : "Active";

    private static Color StatusColor(DeskUserView user) =>
        user.Locked ? Color.Error : user.LockedOutUntil is not null ? Color.Warning : Color.Success;

    private static string When(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    [LoggerMessage(Level = LogLevel.Error, Message = "A change to users or API tokens in Settings failed")]
    private static partial void LogChangeFailed(ILogger logger, Exception ex);

    /// <summary>The new-user form: what can be checked before Identity sees it.</summary>
    private sealed class NewUserForm
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [StringLength(DeskUserAdmin.MaxUserNameLength, ErrorMessage = "A user name has at most 64 characters.")]
        [RegularExpression(@"^\s*[A-Za-z0-9\-._@+]+\s*$", ErrorMessage = "A user name uses only letters, digits and - . _ @ + (no spaces).")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter an initial password.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Choose a role.")]
        public string? Role { get; set; } = DeskRoles.Viewer;
    }

    /// <summary>The new-token form.</summary>
    private sealed class NewTokenForm
    {
        [Required(ErrorMessage = "Name the token, e.g. after the script that uses it.")]
        [StringLength(ApiTokenAdmin.MaxNameLength, ErrorMessage = "A token's name has at most 100 characters.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Choose the token's user.")]
        public string? UserId { get; set; }
    }
}
