using KalshiDesk.Data.Entities;

namespace KalshiDesk.Web.Auth;

/// <summary>
/// An admin's lock on a user: sign-in, open sessions and the user's API tokens are refused until an admin unlocks it.
/// Stored as Identity's lockout end at <see cref="Until"/>, which tells it apart from the few minutes' lockout after
/// failed sign-ins (that one refuses sign-in only: guessing a password must not cut off a script's token).
/// </summary>
public static class DeskLockout
{
    /// <summary>The lockout end an admin's lock sets.</summary>
    public static DateTimeOffset Until { get; } = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether an admin locked <paramref name="user"/>.</summary>
    public static bool IsLocked(DeskUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockoutEnd is { } end && end >= Until;
    }
}
