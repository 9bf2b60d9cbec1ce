using KalshiDesk.Engine.Modes;

namespace KalshiDesk.Web.Api;

/// <summary>The desk's trading mode, who switched it when, and the API key's status (never the key).</summary>
/// <param name="Mode">paper or live.</param>
/// <param name="ChangedAt">When an admin last switched it; null while no one has (the desk trades paper).</param>
/// <param name="ChangedBy">Who switched it last; null while no one has.</param>
/// <param name="Key">"configured: key id abcd…", "not configured", or what is wrong with the key.</param>
/// <param name="LiveAllowed">Whether configuration allows live trading (<c>Trading:Mode=Live</c>); without it going live is refused.</param>
/// <param name="HeldOnPaper">Why the desk trades paper although an admin switched it live; null otherwise.</param>
public sealed record ModeResponse(string Mode, DateTimeOffset? ChangedAt, string? ChangedBy, string Key, bool LiveAllowed, string? HeldOnPaper)
{
    public static ModeResponse From(DeskModeState state, KalshiKeyStatus key)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        return new ModeResponse(state.Name, state.ChangedAt, state.ChangedBy, key.Text, state.LiveAllowed, state.HeldOnPaper);
    }
}
