namespace KalshiDesk.Engine.Modes;

/// <summary>The API key's status as a person may see it: never the key, and at most the first four characters of its id.</summary>
/// <param name="Text">"configured: key id abcd…", "not configured", or what is wrong with it, naming the setting.</param>
/// <param name="KeyId">The key id's first characters with an ellipsis ("abcd…"); null without a usable key.</param>
public sealed record KalshiKeyStatus(KalshiKeyState State, string Text, string? KeyId)
{
    /// <summary>Why live trading cannot start without a key.</summary>
    public const string MissingReason = "no Kalshi key: set Kalshi:KeyId and Kalshi:PrivateKeyPath";

    /// <summary>The key as a precondition of going live.</summary>
    public DeskCheck AsCheck() => State switch
    {
        KalshiKeyState.Configured => DeskCheck.Ok("Kalshi key", Text),
        KalshiKeyState.Missing => DeskCheck.Fail("Kalshi key", MissingReason, null),
        _ => DeskCheck.Fail("Kalshi key", Text, null),
    };
}
