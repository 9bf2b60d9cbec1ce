using Microsoft.Extensions.Time.Testing;

namespace KalshiDesk.Web.Tests.Auth;

/// <summary>The app with six-second sessions (sliding) and the desk's own minute between checks of the user.</summary>
public sealed class ShortSessionDeskApp : AuthDeskApp
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(6);

    protected override TimeSpan? SessionCheckInterval => null;

    protected override TimeSpan? SessionLifetime => Lifetime;

    /// <summary>The sign-in cookie's clock, moved by the test instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? SessionClock => Clock;
}
