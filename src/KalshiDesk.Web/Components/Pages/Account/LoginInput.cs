using System.ComponentModel.DataAnnotations;

namespace KalshiDesk.Web.Components.Pages.Account;

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [StringLength(256)]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(512)]
    public string Password { get; set; } = string.Empty;
}
