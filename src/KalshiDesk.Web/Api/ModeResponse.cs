using KalshiDesk.Engine.Modes;

namespace KalshiDesk.Web.Api;

/// <summary>The desk's trading mode, who switched it when, and the API key's status (never the key).</summary>
/// <param name="Mode">paper or live.</param>
/// <param name="ChangedAt">When an admin last switched it; null while configuration (<c>Trading:Mode</c>) decides.</param>
/// <param name="ChangedBy">Who switched it last; null while configuration decides.</param>
/// <param name="Key">"configured: key id abcd…", "not configured", or what is wrong with the key.</param>
public sealed record ModeResponse(string Mode, DateTimeOffset? ChangedAt, string? ChangedBy, string Key)
{
    public static ModeResponse From(DeskModeState state, KalshiKeyStatus key)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        return new ModeResponse(state.Name, state.ChangedAt, state.ChangedBy, key.Text);
    }
}
