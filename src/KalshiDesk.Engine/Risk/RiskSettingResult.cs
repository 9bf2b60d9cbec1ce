namespace KalshiDesk.Engine.Risk;

/// <summary>The answer to a preset switch or an override: whether it was taken, and why not.</summary>
/// <param name="Succeeded">True when the setting is now as asked (also when it already was).</param>
/// <param name="Error">Why the request was refused (an unknown preset or limit, a value out of range).</param>
/// <param name="Changed">True when something changed and was audited.</param>
public sealed record RiskSettingResult(bool Succeeded, string? Error, bool Changed)
{
    public static RiskSettingResult Refused(string error) => new(false, error, false);
}
