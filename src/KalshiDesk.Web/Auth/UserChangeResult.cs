namespace KalshiDesk.Web.Auth;

/// <summary>
/// What a change to users or API tokens came to. A refusal carries a sentence a person can act on, and the form field it
/// is about (<see cref="UserNameField"/>, <see cref="PasswordField"/>, <see cref="RoleField"/>, <see cref="NameField"/>) when there is one.
/// </summary>
public sealed record UserChangeResult(UserChangeOutcome Outcome, string? Error = null, string? Field = null)
{
    public const string UserNameField = "userName";
    public const string PasswordField = "password";
    public const string RoleField = "role";
    public const string NameField = "name";

    /// <summary>Made, or already so.</summary>
    public bool Succeeded => Outcome is UserChangeOutcome.Done or UserChangeOutcome.Unchanged;

    /// <summary>The user a creation made.</summary>
    public DeskUserView? User { get; init; }

    /// <summary>The token a creation made, with its text: the only time the text is available.</summary>
    public NewApiToken? Token { get; init; }

    public static UserChangeResult Done { get; } = new(UserChangeOutcome.Done);

    public static UserChangeResult Unchanged { get; } = new(UserChangeOutcome.Unchanged);

    public static UserChangeResult Invalid(string error, string? field = null) => new(UserChangeOutcome.Invalid, error, field);

    public static UserChangeResult Refused(string error) => new(UserChangeOutcome.Refused, error);

    public static UserChangeResult NotFound(string error) => new(UserChangeOutcome.NotFound, error);

    public static UserChangeResult Forbidden(string error) => new(UserChangeOutcome.Forbidden, error);
}
